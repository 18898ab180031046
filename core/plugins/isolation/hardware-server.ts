import { HardwareError, type GpioLine, type GpioOpenOptions, type Level, type LineSpec, type PwmChannel, type PwmSpec, type SerialOptions, type SerialPort } from '../../../hardware/index.js';
import type { PluginHardware } from '../../plugin-api.js';
import type { Rpc, RpcHandler } from './rpc.js';

const I2C_METHODS = new Set(['readByte', 'writeByte', 'readBlock', 'writeBlock', 'read', 'write', 'scan']);

/**
 * The hub side of an isolated plugin's hardware: the hub opens and holds every line
 * (header or expander) and PWM channel for the child, so when the child dies its relays
 * are released by the hub, which is still alive — a crashed process cannot leave a motor
 * running. The child shares the hub's one driver per chip instead of a copy of the latch.
 */
export function createHardwareServer(hardware: PluginHardware, rpc: () => Rpc): Record<string, RpcHandler> {
  const lines = new Map<number, GpioLine>();
  const channels = new Map<number, PwmChannel>();
  const unwatch = new Map<number, () => void>();
  const ports = new Map<number, SerialPort>();
  let nextHandle = 1;
  const line = (handle: number): GpioLine => {
    const found = lines.get(handle);
    if (!found) throw new Error(`line handle ${handle} is closed`);
    return found;
  };
  const port = (handle: number): SerialPort => {
    const found = ports.get(handle);
    if (!found) throw new Error(`serial handle ${handle} is closed`);
    return found;
  };
  const channel = (handle: number): PwmChannel => {
    const found = channels.get(handle);
    if (!found) throw new Error(`PWM handle ${handle} is closed`);
    return found;
  };
  return {
    'gpio.open': (spec: LineSpec, options: GpioOpenOptions) => {
      const handle = nextHandle++;
      lines.set(handle, hardware.gpio.open(spec, options));
      return handle;
    },
    'line.read': (handle: number) => line(handle).read(),
    'line.write': (handle: number, value: Level) => line(handle).write(value),
    'line.watch': (handle: number) => {
      unwatch.get(handle)?.();
      unwatch.set(handle, line(handle).watch((value, atMs) => rpc().notify('watch', handle, value, atMs)));
    },
    'line.unwatch': (handle: number) => {
      unwatch.get(handle)?.();
      unwatch.delete(handle);
    },
    'line.close': async (handle: number) => {
      unwatch.get(handle)?.();
      unwatch.delete(handle);
      const closing = lines.get(handle);
      lines.delete(handle);
      await closing?.close();
    },
    'pwm.open': (spec: PwmSpec) => {
      const handle = nextHandle++;
      channels.set(handle, hardware.pwm.open(spec));
      return handle;
    },
    'pwm.set': (handle: number, duty: number) => channel(handle).set(duty),
    'pwm.close': async (handle: number) => {
      const closing = channels.get(handle);
      channels.delete(handle);
      await closing?.close();
    },
    i2c: async (busNumber: number, method: string, args: unknown[]) => {
      if (!I2C_METHODS.has(method)) throw new Error(`unknown I2C method '${method}'`);
      const bus = hardware.i2c(busNumber) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      const bytes = args.map((a) => (a instanceof Uint8Array ? Buffer.from(a) : a));
      return bus[method]!(...bytes);
    },
    // The hub holds the port and streams its bytes to the child; a refusal keeps its code and hint (`dialout`).
    'serial.open': async (path: string, options: SerialOptions) => {
      let opened: SerialPort;
      try {
        opened = await hardware.serial.open(path, options);
      } catch (err) {
        if (err instanceof HardwareError) return { error: { code: err.code, message: err.message } };
        throw err;
      }
      const handle = nextHandle++;
      ports.set(handle, opened);
      opened.onData((bytes) => rpc().notify('serial.data', handle, bytes));
      opened.onClose((error) => {
        ports.delete(handle);
        rpc().notify('serial.closed', handle, error && { code: error.code, message: error.message });
      });
      return { handle };
    },
    'serial.write': (handle: number, bytes: Uint8Array) => port(handle).write(bytes),
    'serial.close': async (handle: number) => {
      const closing = ports.get(handle);
      await closing?.close();
    },
    'onewire.list': () => hardware.oneWire.list(),
    'onewire.readFile': (id: string, file?: 'w1_slave' | 'temperature') => hardware.oneWire.readFile(id, file),
  };
}

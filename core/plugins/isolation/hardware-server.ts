import type { GpioLine, GpioOpenOptions, Level, LineSpec, PwmChannel, PwmSpec } from '../../../hardware/index.js';
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
  let nextHandle = 1;
  const line = (handle: number): GpioLine => {
    const found = lines.get(handle);
    if (!found) throw new Error(`line handle ${handle} is closed`);
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
    'onewire.list': () => hardware.oneWire.list(),
    'onewire.readFile': (id: string, file?: 'w1_slave' | 'temperature') => hardware.oneWire.readFile(id, file),
  };
}

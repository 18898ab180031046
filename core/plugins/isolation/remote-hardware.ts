import type { Gpio, GpioLine, Hardware, HardwareBackend, HardwareErrorCode, I2cBus, Level, OneWire, Pwm, PwmChannel, Serial, SerialPort } from '../../../hardware/index.js';
import { HardwareError, parsePwmSpec } from '../../../hardware/index.js';
import type { Rpc } from './rpc.js';

/** A HardwareError as it crosses the IPC channel. */
export interface RemoteHardwareError {
  code: HardwareErrorCode;
  message: string;
}

/**
 * The child side of the hardware: the same interfaces, every operation sent to the
 * hub that holds the real lines. `open` is synchronous in the contract, so the line
 * is usable at once and its operations wait for the hub's handle.
 */
export function createRemoteHardware(rpc: Rpc, backend: HardwareBackend, onOpenError: (err: unknown) => void): {
  hardware: Hardware;
  onWatch(handle: number, value: Level, atMs: number): void;
  onSerialData(handle: number, bytes: Uint8Array): void;
  onSerialClosed(handle: number, error?: RemoteHardwareError): void;
} {
  const watchers = new Map<number, Set<(value: Level, atMs: number) => void>>();
  const serialPorts = new Map<number, { data: Set<(bytes: Uint8Array) => void>; closed: Set<(error?: HardwareError) => void> }>();

  const gpio: Gpio = {
    open(spec, options): GpioLine {
      const handle = rpc.call<number>('gpio.open', spec, options);
      handle.catch(onOpenError);
      const on = async <T>(method: string, ...args: unknown[]) => rpc.call<T>(method, await handle, ...args);
      return {
        line: typeof spec === 'number' ? spec : spec.pin,
        direction: options.direction,
        read: () => on<Level>('line.read'),
        write: (value) => on<void>('line.write', value),
        watch(cb) {
          void handle.then((h) => {
            let set = watchers.get(h);
            if (!set) {
              watchers.set(h, (set = new Set()));
              void rpc.call('line.watch', h);
            }
            set.add(cb);
          });
          return () => void handle.then((h) => watchers.get(h)?.delete(cb));
        },
        close: async () => {
          const h = await handle;
          watchers.delete(h);
          await rpc.call('line.close', h);
        },
      };
    },
  };

  const pwm: Pwm = {
    open(spec): PwmChannel {
      const handle = rpc.call<number>('pwm.open', spec);
      handle.catch(onOpenError);
      return {
        spec: parsePwmSpec(spec),
        set: async (duty) => rpc.call<void>('pwm.set', await handle, duty),
        close: async () => rpc.call<void>('pwm.close', await handle),
      };
    },
  };

  const i2c = (busNumber: number): I2cBus => {
    const call = <T>(method: string, ...args: unknown[]) => rpc.call<T>('i2c', busNumber, method, args);
    const buffer = async (p: Promise<Uint8Array>) => Buffer.from(await p);
    return {
      busNumber,
      readByte: (address, register) => call('readByte', address, register),
      writeByte: (address, register, value) => call('writeByte', address, register, value),
      readBlock: (address, register, length) => buffer(call('readBlock', address, register, length)),
      writeBlock: (address, register, data) => call('writeBlock', address, register, data),
      read: (address, length) => buffer(call('read', address, length)),
      write: (address, data) => call('write', address, data),
      scan: () => call('scan'),
      close: async () => {},
    };
  };

  const oneWire: OneWire = {
    list: () => rpc.call('onewire.list'),
    readFile: (id, file) => rpc.call('onewire.readFile', id, file),
  };

  const serial: Serial = {
    async open(path, options): Promise<SerialPort> {
      const opened = await rpc.call<{ handle: number } | { error: RemoteHardwareError }>('serial.open', path, options);
      if ('error' in opened) throw new HardwareError(opened.error.code, opened.error.message);
      const { handle } = opened;
      const listeners = { data: new Set<(bytes: Uint8Array) => void>(), closed: new Set<(error?: HardwareError) => void>() };
      serialPorts.set(handle, listeners);
      const subscribe = <T>(set: Set<T>, cb: T) => (set.add(cb), () => void set.delete(cb));
      return {
        path,
        onData: (cb) => subscribe(listeners.data, cb),
        onClose: (cb) => subscribe(listeners.closed, cb),
        write: (bytes) => rpc.call<void>('serial.write', handle, bytes),
        close: () => rpc.call<void>('serial.close', handle),
      };
    },
  };

  return {
    hardware: { backend, gpio, pwm, i2c, oneWire, serial, close: async () => {} },
    onWatch(handle, value, atMs) {
      for (const cb of watchers.get(handle) ?? []) cb(value, atMs);
    },
    onSerialData(handle, bytes) {
      for (const cb of serialPorts.get(handle)?.data ?? []) cb(bytes);
    },
    onSerialClosed(handle, error) {
      const listeners = serialPorts.get(handle);
      serialPorts.delete(handle);
      const reason = error && new HardwareError(error.code, error.message);
      for (const cb of listeners?.closed ?? []) cb(reason);
    },
  };
}

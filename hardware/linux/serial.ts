import { createPortCore } from '../common/serial-port.js';
import { HardwareError, errnoOf } from '../errors.js';
import type { Serial, SerialOptions, SerialPort } from '../serial.js';

/** The slice of the `serialport` package the hub uses; tests inject a fake. */
export interface RawSerialPort {
  on(event: 'data', cb: (chunk: Buffer) => void): unknown;
  on(event: 'close', cb: (err?: Error | null) => void): unknown;
  on(event: 'error', cb: (err: Error) => void): unknown;
  write(data: Buffer, cb: (err?: Error | null) => void): unknown;
  close(cb: (err?: Error | null) => void): unknown;
}
export interface SerialModule {
  /** Opens the port; the callback gets the open error (a device path that is missing, a permission …). */
  open(options: Required<SerialOptions> & { path: string }, cb: (err: Error | null) => void): RawSerialPort;
}

export async function loadSerialModule(): Promise<SerialModule> {
  const { SerialPort } = await import('serialport');
  return {
    open: ({ path, baudRate, dataBits, parity, stopBits }, cb) => new SerialPort({ path, baudRate, dataBits, parity, stopBits }, cb),
  };
}

/**
 * bindings-cpp reports an open failure as text ("Error: Permission denied, cannot open …")
 * without an errno code, so both are read.
 */
export function serialOpenError(path: string, err: Error): HardwareError {
  const code = errnoOf(err);
  const text = err.message;
  if (code === 'EACCES' || code === 'EPERM' || /permission denied|operation not permitted/i.test(text)) {
    return new HardwareError('permission', `cannot open serial port ${path}: permission denied`, {
      hint: "add the hub's user to the `dialout` group (sudo usermod -aG dialout hearth) and restart it",
      cause: err,
    });
  }
  if (code === 'ENOENT' || /no such file or directory/i.test(text)) {
    return new HardwareError('not_found', `no serial device at ${path}`, {
      hint: 'check the adapter is plugged in and the path (ls /dev/ttyAMA* /dev/ttyUSB* /dev/serial/by-id)',
      cause: err,
    });
  }
  if (code === 'EBUSY' || /resource busy|cannot lock port/i.test(text)) {
    return new HardwareError('busy', `serial port ${path} is in use`, { hint: 'stop the other program (or the serial console: raspi-config → Interface → Serial)', cause: err });
  }
  return new HardwareError('io', `cannot open serial port ${path}: ${text}`, { cause: err });
}

/** `serialport` loads at the first open, so a hub with no serial device never needs its native binding. */
export function createLinuxSerial(load: () => Promise<SerialModule> = loadSerialModule): { serial: Serial; closeAll(): Promise<void> } {
  let module: Promise<SerialModule> | undefined;
  const open = new Set<SerialPort>();
  const serial: Serial = {
    async open(path, options) {
      const mod = await (module ??= load());
      const settings = { path, baudRate: options.baudRate, dataBits: options.dataBits ?? 8, parity: options.parity ?? 'none', stopBits: options.stopBits ?? 1 };
      const raw = await new Promise<RawSerialPort>((resolve, reject) => {
        const port = mod.open(settings, (err) => (err ? reject(serialOpenError(path, err)) : resolve(port)));
      });
      const core = createPortCore(path, {
        write: (bytes) => new Promise((resolve, reject) => raw.write(Buffer.from(bytes), (err) => (err ? reject(new HardwareError('io', `write to ${path} failed: ${err.message}`, { cause: err })) : resolve()))),
        shutdown: () => new Promise((resolve) => raw.close(() => resolve())),
      });
      raw.on('data', (chunk) => core.deliver(new Uint8Array(chunk)));
      const lost = (err?: Error | null) => core.end(err ? new HardwareError('io', `serial device ${path} went away: ${err.message}`, { cause: err }) : undefined);
      raw.on('error', lost);
      raw.on('close', lost);
      open.add(core.port);
      core.port.onClose(() => open.delete(core.port));
      return core.port;
    },
  };
  return { serial, closeAll: async () => void (await Promise.allSettled([...open].map((p) => p.close()))) };
}

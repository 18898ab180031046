import { createPortCore, type PortCore } from '../common/serial-port.js';
import { HardwareError } from '../errors.js';
import type { Serial, SerialOptions } from '../serial.js';

/** The simulated board's serial side: on the sim backend any path exists. */
export interface SimSerial {
  /** Bytes as if the device on `path` had sent them; false when no one has the port open. */
  send(path: string, bytes: Uint8Array): boolean;
  /** The cable pulled out: the open port on `path` ends with an `io` error. */
  unplug(path: string): void;
  /** The settings the port on `path` is open with, or undefined. */
  settings(path: string): SerialOptions | undefined;
  /** Bytes the hub wrote to `path`, for emulators that answer. */
  onWrite(cb: (path: string, bytes: Uint8Array) => void): () => void;
}

export function createSimSerial(): { serial: Serial; sim: SimSerial; closeAll(): Promise<void> } {
  const open = new Map<string, { core: PortCore; options: SerialOptions }>();
  const writeListeners = new Set<(path: string, bytes: Uint8Array) => void>();
  const serial: Serial = {
    async open(path, options) {
      if (open.has(path)) throw new HardwareError('busy', `serial port ${path} is already open`);
      const core = createPortCore(path, {
        write: async (bytes) => {
          for (const cb of writeListeners) cb(path, bytes);
        },
        shutdown: async () => void open.delete(path),
      });
      core.port.onClose(() => open.delete(path));
      open.set(path, { core, options });
      return core.port;
    },
  };
  const sim: SimSerial = {
    send(path, bytes) {
      const entry = open.get(path);
      if (!entry) return false;
      entry.core.deliver(bytes);
      return true;
    },
    unplug(path) {
      open.get(path)?.core.end(new HardwareError('io', `serial device ${path} went away`));
    },
    settings: (path) => open.get(path)?.options,
    onWrite(cb) {
      writeListeners.add(cb);
      return () => void writeListeners.delete(cb);
    },
  };
  return {
    serial,
    sim,
    async closeAll() {
      await Promise.allSettled([...open.values()].map((e) => e.core.port.close()));
    },
  };
}

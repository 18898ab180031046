import { HardwareError } from '../errors.js';
import type { SerialPort } from '../serial.js';
import type { Unwatch } from '../gpio.js';

/** The listener bookkeeping every backend's port shares; the backend supplies write and its own shutdown. */
export interface PortCore {
  readonly port: SerialPort;
  /** Bytes from the device. */
  deliver(bytes: Uint8Array): void;
  /** The port stopped (error: the device went away); later calls are ignored. */
  end(error?: HardwareError): void;
  readonly closed: boolean;
}

export function createPortCore(path: string, io: { write(bytes: Uint8Array): Promise<void>; shutdown(): Promise<void> }): PortCore {
  const dataListeners = new Set<(bytes: Uint8Array) => void>();
  const closeListeners = new Set<(error?: HardwareError) => void>();
  let closed = false;
  const listen = <T>(set: Set<T>, cb: T): Unwatch => (set.add(cb), () => void set.delete(cb));
  function end(error?: HardwareError): void {
    if (closed) return;
    closed = true;
    for (const cb of closeListeners) cb(error);
    dataListeners.clear();
    closeListeners.clear();
  }
  const port: SerialPort = {
    path,
    onData: (cb) => listen(dataListeners, cb),
    onClose: (cb) => listen(closeListeners, cb),
    async write(bytes) {
      if (closed) throw new HardwareError('closed', `serial port ${path} is closed`);
      await io.write(bytes);
    },
    async close() {
      if (closed) return;
      end();
      await io.shutdown();
    },
  };
  return {
    port,
    deliver(bytes) {
      if (!closed) for (const cb of dataListeners) cb(bytes);
    },
    end,
    get closed() {
      return closed;
    },
  };
}

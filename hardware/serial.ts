import type { Unwatch } from './gpio.js';
import type { HardwareError } from './errors.js';

export type SerialParity = 'none' | 'even' | 'odd';

export interface SerialOptions {
  readonly baudRate: number;
  /** 8 unless the device says otherwise (Enedis' TIC: 7). */
  readonly dataBits?: 7 | 8;
  readonly parity?: SerialParity;
  readonly stopBits?: 1 | 2;
}

/** An open serial port: bytes arrive through `onData`, in the order the device sent them. */
export interface SerialPort {
  readonly path: string;
  onData(cb: (bytes: Uint8Array) => void): Unwatch;
  /**
   * Called once when the port stops: `error` set when the device went away (a USB adapter
   * unplugged, an I/O error), unset after `close()`. Reopen the path to resume.
   */
  onClose(cb: (error?: HardwareError) => void): Unwatch;
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface Serial {
  /** Opens `/dev/ttyAMA0`, `/dev/ttyUSB0` …; rejects with a HardwareError naming the fix (the `dialout` group, the path). */
  open(path: string, options: SerialOptions): Promise<SerialPort>;
}

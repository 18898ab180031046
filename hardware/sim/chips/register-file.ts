import type { SimI2cDevice } from '../i2c.js';

/**
 * The common shape of register chips: the first byte of a write sets the register
 * pointer, further bytes are stored from there, reads stream from the pointer. Hooks
 * let a chip compute registers on read and react to writes.
 */
export interface RegisterFileHooks {
  /** A value to return instead of the stored byte. */
  onRead?(register: number): number | undefined;
  /** Return false to refuse the write (read-only or locked register). */
  onWrite?(register: number, value: number): boolean | void;
  /** Whether the pointer advances after each byte (PCA9685 only with MODE1.AI). */
  autoIncrement?(): boolean;
}

export interface RegisterFile extends SimI2cDevice {
  readonly regs: Uint8Array;
  pointer(): number;
}

export function createRegisterFile(size: number, hooks: RegisterFileHooks = {}): RegisterFile {
  const regs = new Uint8Array(size);
  let pointer = 0;
  const advance = (): void => {
    if (hooks.autoIncrement?.() ?? true) pointer = (pointer + 1) % size;
  };
  return {
    regs,
    pointer: () => pointer,
    write(data) {
      if (data.length === 0) return;
      pointer = data[0]! % size;
      for (const value of data.subarray(1)) {
        if (hooks.onWrite?.(pointer, value) !== false) regs[pointer] = value;
        advance();
      }
    },
    read(length) {
      const out = Buffer.alloc(length);
      for (let i = 0; i < length; i++) {
        out[i] = hooks.onRead?.(pointer) ?? regs[pointer]!;
        advance();
      }
      return out;
    },
  };
}

/** An error that reads like the kernel's NACK, so the sim bus reports it as the Pi would. */
export function nack(message: string): Error {
  return Object.assign(new Error(`${message} (no acknowledge)`), { code: 'EREMOTEIO' });
}

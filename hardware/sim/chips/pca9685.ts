import type { SimI2cDevice } from '../i2c.js';
import { pca9685DutyFromRegisters, pca9685Frequency } from '../../drivers/pca9685-math.js';
import { createRegisterFile } from './register-file.js';

export interface Pca9685Emulator extends SimI2cDevice {
  /** Duty 0–1 of channel 0–15 as the output pin shows it (0 while the oscillator sleeps). */
  duty(channel: number): number;
  frequencyHz(): number;
  sleeping(): boolean;
  /** Makes writes to one channel's registers fail (a NACK, as a marginal solder joint gives) until cleared with `null`. */
  failChannel(channel: number, error: Error | null): void;
}

const MODE1 = 0x00;
const ALL_LED = 0xfa;
const PRE_SCALE = 0xfe;

/**
 * A PCA9685 16-channel PWM driver: MODE1 with SLEEP and auto-increment, PRE_SCALE
 * writable only while asleep, per-channel ON/OFF registers and the ALL_LED shortcut.
 */
export function createPca9685Emulator(): Pca9685Emulator {
  const file = createRegisterFile(256, {
    autoIncrement: () => (file.regs[MODE1]! & 0x20) !== 0,
    onRead: (reg) => (reg >= ALL_LED && reg < PRE_SCALE ? 0 : undefined), // ALL_LED reads as 0
    onWrite(reg, value) {
      if (reg === PRE_SCALE) return (file.regs[MODE1]! & 0x10) !== 0;
      if (reg >= ALL_LED && reg < PRE_SCALE) {
        for (let ch = 0; ch < 16; ch++) file.regs[0x06 + 4 * ch + (reg - ALL_LED)] = value;
        return false;
      }
      return true;
    },
  });
  file.regs[MODE1] = 0x11;
  file.regs[0x01] = 0x04;
  file.regs[PRE_SCALE] = 0x1e;
  for (let ch = 0; ch < 16; ch++) file.regs[0x06 + 4 * ch + 3] = 0x10; // power-on: full off

  const faults = new Map<number, Error>();
  const channelOf = (reg: number): number | undefined => (reg >= 0x06 && reg < 0x06 + 4 * 16 ? (reg - 0x06) >> 2 : undefined);
  const sleeping = (): boolean => (file.regs[MODE1]! & 0x10) !== 0;
  return {
    write(data) {
      const channel = channelOf(data[0]!);
      const fault = channel === undefined ? undefined : faults.get(channel);
      // Only a transfer carrying data: a bare register-pointer write precedes every read.
      if (fault && data.length > 1) throw fault;
      file.write(data);
    },
    failChannel(channel, error) {
      if (error) faults.set(channel, error);
      else faults.delete(channel);
    },
    read: file.read,
    sleeping,
    frequencyHz: () => pca9685Frequency(file.regs[PRE_SCALE]!),
    duty(channel) {
      if (sleeping()) return 0;
      const base = 0x06 + 4 * channel;
      return pca9685DutyFromRegisters(Buffer.from(file.regs.subarray(base, base + 4)));
    },
  };
}

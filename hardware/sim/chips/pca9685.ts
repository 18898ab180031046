import type { SimI2cDevice } from '../i2c.js';
import { pca9685DutyFromRegisters, pca9685Frequency } from '../../drivers/pca9685-math.js';
import { createRegisterFile } from './register-file.js';

export interface Pca9685Emulator extends SimI2cDevice {
  /** Duty 0–1 of channel 0–15 as the output pin shows it (0 while the oscillator sleeps). */
  duty(channel: number): number;
  frequencyHz(): number;
  sleeping(): boolean;
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

  const sleeping = (): boolean => (file.regs[MODE1]! & 0x10) !== 0;
  return {
    write: file.write,
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

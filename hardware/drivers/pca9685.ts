import type { I2cBus } from '../i2c.js';
import { delay } from '../common/serial-queue.js';
import { pca9685DutyRegisters, pca9685Prescale } from './pca9685-math.js';

const REG_MODE1 = 0x00;
const REG_MODE2 = 0x01;
const REG_LED0 = 0x06;
const REG_ALL_LED = 0xfa;
const REG_PRESCALE = 0xfe;
const MODE1_SLEEP = 0x10;
const MODE1_AI = 0x20;
const MODE2_OUTDRV = 0x04;

export interface Pca9685 {
  setFrequency(hz: number): Promise<void>;
  /** Duty 0–1 on channel 0–15. */
  setDuty(channel: number, duty: number): Promise<void>;
  /** All channels fully off: the safe state for dimmers. */
  allOff(): Promise<void>;
}

export async function openPca9685(bus: I2cBus, address = 0x40, options: { frequencyHz?: number } = {}): Promise<Pca9685> {
  const setFrequency = async (hz: number): Promise<void> => {
    // PRE_SCALE is writable only while the oscillator sleeps (datasheet §7.3.5).
    await bus.writeByte(address, REG_MODE1, MODE1_SLEEP | MODE1_AI);
    await bus.writeByte(address, REG_PRESCALE, pca9685Prescale(hz));
    await bus.writeByte(address, REG_MODE1, MODE1_AI);
    await delay(1); // oscillator start-up, 500 µs
  };
  await bus.writeByte(address, REG_MODE2, MODE2_OUTDRV);
  await setFrequency(options.frequencyHz ?? 1000);

  return {
    setFrequency,
    async setDuty(channel, duty) {
      if (!Number.isInteger(channel) || channel < 0 || channel > 15) throw new RangeError(`PCA9685 channel ${channel} is not 0–15`);
      await bus.writeBlock(address, REG_LED0 + 4 * channel, pca9685DutyRegisters(duty));
    },
    async allOff() {
      await bus.writeBlock(address, REG_ALL_LED, pca9685DutyRegisters(0));
    },
  };
}

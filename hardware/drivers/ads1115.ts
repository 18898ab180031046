import type { I2cBus } from '../i2c.js';
import { HardwareError } from '../errors.js';
import { delay } from '../common/serial-queue.js';
import { ads1115Config, ads1115SpsOfConfig, ads1115Volts, type Ads1115Fsr } from './ads1115-math.js';

export type { Ads1115Fsr } from './ads1115-math.js';

const REG_CONVERSION = 0x00;
const REG_CONFIG = 0x01;
const POLLS = 10;

export interface Ads1115 {
  /** Single-ended voltage on AIN0–AIN3, one single-shot conversion. */
  readVolts(channel: 0 | 1 | 2 | 3, fsr?: Ads1115Fsr): Promise<number>;
}

export async function openAds1115(bus: I2cBus, address = 0x48, options: { fsr?: Ads1115Fsr } = {}): Promise<Ads1115> {
  const defaultFsr = options.fsr ?? 4.096;
  // Probe now so a wrong address fails at setup, not at the first reading.
  await bus.readBlock(address, REG_CONFIG, 2);
  return {
    async readVolts(channel, fsr = defaultFsr) {
      const config = ads1115Config(channel, fsr);
      await bus.writeBlock(address, REG_CONFIG, Buffer.from([config >> 8, config & 0xff]));
      await delay(Math.ceil(1000 / ads1115SpsOfConfig(config)) + 1);
      for (let i = 0; ; i++) {
        const status = (await bus.readBlock(address, REG_CONFIG, 2)).readUInt16BE(0);
        if (status & 0x8000) break; // OS = 1: no conversion in progress
        if (i >= POLLS) throw new HardwareError('io', `ADS1115 at 0x${address.toString(16)} never finished converting`);
        await delay(1);
      }
      return ads1115Volts((await bus.readBlock(address, REG_CONVERSION, 2)).readUInt16BE(0), fsr);
    },
  };
}

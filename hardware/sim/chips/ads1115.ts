import type { SimI2cDevice } from '../i2c.js';
import { ads1115ChannelOfConfig, ads1115FsrOfConfig, ads1115Raw, ads1115SpsOfConfig } from '../../drivers/ads1115-math.js';

export interface Ads1115EmulatorOptions {
  /** Voltage on AINn vs GND. Default: whatever `setVolts` last set (0 V). */
  volts?: (channel: number) => number;
}

export interface Ads1115Emulator extends SimI2cDevice {
  setVolts(channel: number, volts: number): void;
}

/**
 * An ADS1115: a pointer register selecting 16-bit big-endian registers, single-shot
 * conversions started by OS = 1 that take 1/SPS, OS reading 0 while busy, and
 * continuous mode refreshing on read.
 */
export function createAds1115Emulator(options: Ads1115EmulatorOptions = {}): Ads1115Emulator {
  const inputs = [0, 0, 0, 0];
  const volts = options.volts ?? ((ch: number) => inputs[ch] ?? 0);
  const regs = [0x0000, 0x8583, 0x8000, 0x7fff]; // conversion, config, lo_thresh, hi_thresh
  let pointer = 0;
  let doneAt: number | undefined;

  const convert = (): void => {
    const config = regs[1]!;
    const ch = ads1115ChannelOfConfig(config);
    regs[0] = ads1115Raw(ch === undefined ? 0 : volts(ch), ads1115FsrOfConfig(config));
  };
  const settle = (): void => {
    if (doneAt !== undefined && Date.now() >= doneAt) {
      convert();
      doneAt = undefined;
      regs[1] = regs[1]! | 0x8000;
    }
    if ((regs[1]! & 0x0100) === 0) convert(); // continuous mode
  };

  return {
    setVolts(channel, v) {
      inputs[channel] = v;
    },
    write(data) {
      if (data.length === 0) return;
      pointer = data[0]! & 3;
      if (data.length < 3) return;
      const value = data.readUInt16BE(1);
      if (pointer === 1) {
        const startSingle = (value & 0x8000) !== 0 && (value & 0x0100) !== 0;
        regs[1] = value & 0x7fff;
        if (startSingle) doneAt = Date.now() + 1000 / ads1115SpsOfConfig(value);
        else if (doneAt === undefined) regs[1] = regs[1]! | 0x8000;
      } else if (pointer !== 0) regs[pointer] = value;
    },
    read(length) {
      settle();
      const value = regs[pointer]!;
      const out = Buffer.alloc(length);
      for (let i = 0; i < length; i++) out[i] = i % 2 === 0 ? value >> 8 : value & 0xff;
      return out;
    },
  };
}

import type { I2cBus } from '../i2c.js';
import { HardwareError } from '../errors.js';
import { delay } from '../common/serial-queue.js';
import { crc8Sensirion } from './crc8.js';

/** Single shot, high repeatability, clock stretching disabled. */
const MEASURE_HIGH_NO_STRETCH = Buffer.from([0x24, 0x00]);
/** Datasheet table 4: 15.5 ms max at high repeatability. */
const CONVERSION_MS = 16;
/** A result read before the conversion ends is NACKed (datasheet §4.4): poll a few more times. */
const RESULT_POLLS = 5;

export interface Sht31Reading {
  temperatureC: number;
  humidityPct: number;
}

export interface Sht31 {
  read(): Promise<Sht31Reading>;
}

/** Checks both CRCs and converts (datasheet §4.13); throws on a bad CRC rather than report noise. */
export function decodeSht31(data: Buffer): Sht31Reading {
  if (data.length < 6) throw new HardwareError('bad_data', `SHT31 returned ${data.length} bytes, expected 6`);
  for (const offset of [0, 3]) {
    const crc = crc8Sensirion(data.subarray(offset, offset + 2));
    if (crc !== data[offset + 2]) {
      throw new HardwareError('bad_data', `SHT31 CRC mismatch (got 0x${data[offset + 2]!.toString(16)}, computed 0x${crc.toString(16)})`);
    }
  }
  return {
    temperatureC: -45 + (175 * data.readUInt16BE(0)) / 65535,
    humidityPct: (100 * data.readUInt16BE(3)) / 65535,
  };
}

export async function openSht31(bus: I2cBus, address = 0x44): Promise<Sht31> {
  return {
    async read() {
      await bus.write(address, MEASURE_HIGH_NO_STRETCH);
      await delay(CONVERSION_MS);
      for (let attempt = 1; ; attempt++) {
        try {
          return decodeSht31(await bus.read(address, 6));
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EREMOTEIO' || attempt >= RESULT_POLLS) throw err;
          await delay(2);
        }
      }
    },
  };
}

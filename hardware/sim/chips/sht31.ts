import type { SimI2cDevice } from '../i2c.js';
import { crc8Sensirion } from '../../drivers/crc8.js';
import { nack } from './register-file.js';

export interface Sht31EmulatorOptions {
  climate: () => { temperatureC: number; humidityPct: number };
}

export interface Sht31Emulator extends SimI2cDevice {
  /** The next `count` results carry a wrong CRC on the temperature word. */
  corruptReads(count: number): void;
}

/** Single-shot commands → measurement time in ms (datasheet table 4, max values). */
const SINGLE_SHOT: Record<number, number> = {
  0x2400: 15.5, 0x240b: 6.5, 0x2416: 4.5, // no clock stretching
  0x2c06: 15.5, 0x2c0d: 6.5, 0x2c10: 4.5, // clock stretching (answered as if stretched)
};

const word = (value: number): number[] => {
  const bytes = [value >> 8, value & 0xff];
  return [...bytes, crc8Sensirion(Uint8Array.from(bytes))];
};

/**
 * An SHT31: 16-bit commands, a conversion during which reads are NACKed (as without
 * clock stretching), then T and RH words each followed by their CRC.
 */
export function createSht31Emulator(options: Sht31EmulatorOptions): Sht31Emulator {
  let pending: { readyAt: number; stretch: boolean } | undefined;
  let status = false;
  let corrupt = 0;

  return {
    corruptReads: (count) => void (corrupt = count),
    write(data) {
      if (data.length < 2) throw nack('SHT31 expects a 16-bit command');
      const cmd = data.readUInt16BE(0);
      status = cmd === 0xf32d;
      if (cmd === 0x30a2) pending = undefined; // soft reset
      const ms = SINGLE_SHOT[cmd];
      if (ms !== undefined) pending = { readyAt: Date.now() + ms, stretch: cmd >> 8 === 0x2c };
    },
    read(length) {
      if (status) {
        status = false;
        return Buffer.from(word(0x0000)).subarray(0, length);
      }
      if (!pending || (!pending.stretch && Date.now() < pending.readyAt)) throw nack('SHT31 has no result yet');
      pending = undefined;
      const c = options.climate();
      const st = Math.round(((Math.min(130, Math.max(-45, c.temperatureC)) + 45) * 65535) / 175);
      const srh = Math.round((Math.min(100, Math.max(0, c.humidityPct)) * 65535) / 100);
      const bytes = [...word(st), ...word(srh)];
      if (corrupt > 0) {
        corrupt--;
        bytes[2] = bytes[2]! ^ 0xff;
      }
      return Buffer.from(bytes).subarray(0, length);
    },
  };
}

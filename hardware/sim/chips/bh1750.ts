import type { SimI2cDevice } from '../i2c.js';

export interface Bh1750EmulatorOptions {
  lux: () => number;
}

/** Opcode → [measurement time ms, counts per lux, continuous]. Datasheet p.5 (MTreg 69). */
const MODES: Record<number, [number, number, boolean]> = {
  0x10: [120, 1.2, true], 0x11: [120, 2.4, true], 0x13: [16, 1.2, true],
  0x20: [120, 1.2, false], 0x21: [120, 2.4, false], 0x23: [16, 1.2, false],
};

/**
 * A BH1750 ambient light sensor: opcode writes, 2-byte MSB-first result reads. The
 * result register stays 0 until the first measurement time has passed, as on the chip.
 */
export function createBh1750Emulator(options: Bh1750EmulatorOptions): SimI2cDevice {
  let powered = false;
  let mode: number | undefined;
  let startedAt = 0;
  let result = 0;

  return {
    write(data) {
      for (const op of data) {
        if (op === 0x00) powered = false;
        else if (op === 0x01) powered = true;
        else if (op === 0x07) {
          if (powered) result = 0;
        } else if (MODES[op]) {
          powered = true;
          mode = op;
          startedAt = Date.now();
        }
      }
    },
    read(length) {
      const m = mode === undefined ? undefined : MODES[mode];
      if (powered && m && Date.now() - startedAt >= m[0]) {
        result = Math.min(0xffff, Math.max(0, Math.round(options.lux() * m[1])));
        if (!m[2]) {
          powered = false; // one-time modes power down after the measurement
          mode = undefined;
        }
      }
      const out = Buffer.alloc(length);
      if (length >= 1) out[0] = result >> 8;
      if (length >= 2) out[1] = result & 0xff;
      return out;
    },
  };
}

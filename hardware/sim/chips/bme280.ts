import type { SimI2cDevice } from '../i2c.js';
import {
  bme280Humidity, bme280Pressure, bme280TFine, bme280Temperature, encodeBme280Calibration,
  type Bme280Calibration, type Climate,
} from '../../drivers/bme280-compensate.js';
import { createRegisterFile } from './register-file.js';

/** T and P trimming from Bosch's worked example; H values typical of real parts. */
export const REFERENCE_BME280_CALIBRATION: Bme280Calibration = {
  T1: 27504, T2: 26435, T3: -1000,
  P1: 36477, P2: -10685, P3: 3024, P4: 2855, P5: 140, P6: -7, P7: 15500, P8: -14600, P9: 6000,
  H1: 75, H2: 362, H3: 0, H4: 313, H5: 50, H6: 30,
};

export interface Bme280EmulatorOptions {
  climate: () => Climate;
  calibration?: Bme280Calibration;
  /** 0x60 for a BME280; 0x58 makes it look like a BMP280. */
  chipId?: number;
}

export interface Bme280Emulator extends SimI2cDevice {
  /** Measurements taken so far (forced conversions and normal-mode refreshes). */
  conversions(): number;
}

const CONVERSION_MS = 8;

/** Finds the ADC code whose compensated value is `target`; the curves are monotonic. */
function invert(f: (adc: number) => number, target: number, max: number): number {
  let lo = 0;
  let hi = max;
  const rising = f(max) > f(0);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((f(mid) < target) === rising) lo = mid;
    else hi = mid;
  }
  return Math.abs(f(lo) - target) <= Math.abs(f(hi) - target) ? lo : hi;
}

/**
 * A BME280 at register level: calibration NVM, ctrl_hum latched by the next ctrl_meas
 * write, forced and normal modes, a status "measuring" bit, and ADC codes computed by
 * running the datasheet compensation backwards from the physical climate.
 */
export function createBme280Emulator(options: Bme280EmulatorOptions): Bme280Emulator {
  const cal = options.calibration ?? REFERENCE_BME280_CALIBRATION;
  let osrsH = 0; // the humidity oversampling in effect (latched)
  let measuringUntil = 0;
  let conversions = 0;

  const measure = (): void => {
    conversions++;
    const c = options.climate();
    const ctrlMeas = file.regs[0xf4]!;
    const adcT = invert((a) => bme280Temperature(bme280TFine(cal, a)), c.temperatureC, 0xfffff);
    const tFine = bme280TFine(cal, adcT);
    const adcP = (ctrlMeas >> 2) & 7 ? invert((a) => bme280Pressure(cal, tFine, a), c.pressureHpa * 100, 0xfffff) : 0x80000;
    const adcH = osrsH ? invert((a) => bme280Humidity(cal, tFine, a), c.humidityPct, 0xffff) : 0x8000;
    const t = ctrlMeas >> 5 ? adcT : 0x80000;
    file.regs.set([adcP >> 12, (adcP >> 4) & 0xff, (adcP & 0xf) << 4, t >> 12, (t >> 4) & 0xff, (t & 0xf) << 4, adcH >> 8, adcH & 0xff], 0xf7);
    measuringUntil = Date.now() + CONVERSION_MS;
  };

  const file = createRegisterFile(256, {
    onRead(reg) {
      if (reg === 0xf3) return Date.now() < measuringUntil ? 0x08 : 0x00;
      if (reg === 0xf7 && (file.regs[0xf4]! & 3) === 3) measure(); // normal mode: fresh data
      return undefined;
    },
    onWrite(reg, value) {
      if (reg === 0xe0) {
        if (value === 0xb6) reset();
        return false;
      }
      if (reg === 0xf4) {
        osrsH = file.regs[0xf2]! & 7;
        file.regs[0xf4] = value;
        const mode = value & 3;
        if (mode === 1 || mode === 2) {
          measure();
          file.regs[0xf4] = value & ~3; // back to sleep after a forced conversion
        }
        return false;
      }
      return reg === 0xf2 || reg === 0xf5; // everything else is read-only
    },
  });

  const reset = (): void => {
    file.regs.fill(0);
    const { block1, block2 } = encodeBme280Calibration(cal);
    file.regs.set(block1, 0x88);
    file.regs.set(block2, 0xe1);
    file.regs[0xd0] = options.chipId ?? 0x60;
    file.regs.set([0x80, 0, 0, 0x80, 0, 0, 0x80, 0], 0xf7); // reset values of the data registers
    osrsH = 0;
  };
  reset();

  return { write: file.write, read: file.read, conversions: () => conversions };
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ads1115Config, ads1115Raw, ads1115Volts, bh1750Lux, compensateBme280, crc8Maxim, crc8Sensirion, decodeSht31,
  encodeBme280Calibration, parseBme280Calibration, parseBme280Data, parseTemperatureFile, parseW1Slave,
  pca9685DutyFromRegisters, pca9685DutyRegisters, pca9685Prescale, formatW1Slave, ds18b20Celsius,
  bme280Pressure, bme280TFine, bme280Temperature, type Bme280Calibration,
} from '../../../hardware/index.js';

const DATASHEET_CAL: Bme280Calibration = {
  T1: 27504, T2: 26435, T3: -1000,
  P1: 36477, P2: -10685, P3: 3024, P4: 2855, P5: 140, P6: -7, P7: 15500, P8: -14600, P9: 6000,
  H1: 75, H2: 362, H3: 0, H4: 313, H5: 50, H6: 30,
};

describe('BME280 compensation (Bosch worked example)', () => {
  it('turns adc_T 519888 into 25.08 °C and adc_P 415148 into ≈ 1006.53 hPa', () => {
    const tFine = bme280TFine(DATASHEET_CAL, 519888);
    expect(bme280Temperature(tFine)).toBeCloseTo(25.08, 2);
    expect(bme280Pressure(DATASHEET_CAL, tFine, 415148) / 100).toBeCloseTo(1006.53, 1);
  });

  it('parses the calibration NVM layout, including the split 12-bit H4/H5', () => {
    const { block1, block2 } = encodeBme280Calibration(DATASHEET_CAL);
    expect(block1.subarray(0, 2)).toEqual(Buffer.from([0x70, 0x6b])); // T1 = 27504 little-endian
    expect(parseBme280Calibration(block1, block2)).toEqual(DATASHEET_CAL);
  });

  it('round-trips any calibration, negative H4/H5 included', () => {
    const s16 = fc.integer({ min: -32768, max: 32767 });
    const u16 = fc.integer({ min: 0, max: 65535 });
    const s12 = fc.integer({ min: -2048, max: 2047 });
    fc.assert(
      fc.property(u16, s16, s16, u16, s16, s12, s12, fc.integer({ min: -128, max: 127 }), (T1, T2, P2, P1, H2, H4, H5, H6) => {
        const cal = { ...DATASHEET_CAL, T1, T2, P1, P2, H2, H4, H5, H6 };
        const { block1, block2 } = encodeBme280Calibration(cal);
        expect(parseBme280Calibration(block1, block2)).toEqual(cal);
      }),
    );
  });

  it('unpacks 20-bit and 16-bit ADC fields and reports skipped channels as NaN', () => {
    const raw = parseBme280Data(Buffer.from([0x65, 0x5a, 0xc0, 0x7e, 0xed, 0x00, 0x80, 0x00]));
    expect(raw).toEqual({ adcP: 415148, adcT: 519888, adcH: 0x8000 });
    const c = compensateBme280(DATASHEET_CAL, raw);
    expect(c.temperatureC).toBeCloseTo(25.08, 2);
    expect(c.humidityPct).toBeNaN();
  });
});

describe('CRC-8', () => {
  it('Sensirion: CRC(0xBEEF) = 0x92 (SHT3x datasheet)', () => {
    expect(crc8Sensirion(Uint8Array.from([0xbe, 0xef]))).toBe(0x92);
  });
  it('Maxim: the DS18B20 scratchpad 72 01 4b 46 7f ff 0e 10 has CRC 0x57', () => {
    expect(crc8Maxim(Uint8Array.from([0x72, 0x01, 0x4b, 0x46, 0x7f, 0xff, 0x0e, 0x10]))).toBe(0x57);
  });
});

describe('SHT31 decoding', () => {
  it('converts checked words and rejects a bad CRC', () => {
    const ok = Buffer.from([0x66, 0x66, crc8Sensirion(Uint8Array.from([0x66, 0x66])), 0x80, 0x00, crc8Sensirion(Uint8Array.from([0x80, 0x00]))]);
    const r = decodeSht31(ok);
    expect(r.temperatureC).toBeCloseTo(-45 + (175 * 0x6666) / 65535, 6);
    expect(r.humidityPct).toBeCloseTo(50.0008, 3);
    const bad = Buffer.from(ok);
    bad[2] = bad[2]! ^ 1;
    expect(() => decodeSht31(bad)).toThrow(/CRC/);
  });
});

describe('BH1750', () => {
  it('counts 0x8390 → ≈ 28067 lx', () => {
    expect(bh1750Lux(0x8390)).toBeCloseTo(28066.7, 1);
  });
});

describe('DS18B20 files', () => {
  it('parses the datasheet scratchpad: 23.125 °C, CRC YES', () => {
    const r = parseW1Slave('72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=23125\n');
    expect(r).toEqual({ temperatureC: 23.125, crcOk: true, powerOnValue: false });
    expect(ds18b20Celsius(0x72, 0x01)).toBe(23.125);
  });
  it('flags NO, a scratchpad that does not match its CRC, and the 85 °C power-on value', () => {
    expect(parseW1Slave('72 01 4b 46 7f ff 0e 10 57 : crc=57 NO\n72 01 4b 46 7f ff 0e 10 57 t=23125').crcOk).toBe(false);
    expect(parseW1Slave('72 01 4b 46 7f ff 0e 10 58 : crc=58 YES\n72 01 4b 46 7f ff 0e 10 58 t=23125').crcOk).toBe(false);
    expect(parseW1Slave('50 05 4b 46 7f ff 0c 10 1c : crc=1c YES\n50 05 4b 46 7f ff 0c 10 1c t=85000').powerOnValue).toBe(true);
    expect(parseTemperatureFile('-10125\n').temperatureC).toBe(-10.125);
    expect(() => parseW1Slave('garbage')).toThrow(SyntaxError);
  });
  it('formats what it parses, below zero too', () => {
    fc.assert(
      fc.property(fc.integer({ min: -55 * 16, max: 125 * 16 }), (sixteenths) => {
        const r = parseW1Slave(formatW1Slave(sixteenths / 16));
        expect(r.crcOk).toBe(true);
        expect(Math.abs(r.temperatureC - sixteenths / 16)).toBeLessThanOrEqual(0.001); // printed in whole millidegrees
      }),
    );
  });
});

describe('PCA9685', () => {
  it('200 Hz → prescale 30; clamps to 3–255', () => {
    expect(pca9685Prescale(200)).toBe(30);
    expect(pca9685Prescale(1000)).toBe(5);
    expect(pca9685Prescale(1)).toBe(255);
    expect(pca9685Prescale(5000)).toBe(3);
  });
  it('encodes duty with the full-on / full-off bits at the ends', () => {
    expect(pca9685DutyRegisters(0)).toEqual(Buffer.from([0, 0, 0, 0x10]));
    expect(pca9685DutyRegisters(1)).toEqual(Buffer.from([0, 0x10, 0, 0]));
    expect(pca9685DutyFromRegisters(pca9685DutyRegisters(0.25))).toBe(0.25);
  });
});

describe('ADS1115', () => {
  it('builds the single-shot config word of the datasheet example (AIN0, ±4.096 V, 128 SPS)', () => {
    expect(ads1115Config(0, 4.096)).toBe(0xc383);
    expect(ads1115Config(3, 2.048)).toBe(0xf583);
  });
  it('converts counts to volts with the PGA full scale', () => {
    expect(ads1115Volts(0x7fff, 4.096)).toBeCloseTo(4.096, 3);
    expect(ads1115Volts(0x8000, 2.048)).toBe(-2.048);
    expect(ads1115Volts(ads1115Raw(1.5, 4.096), 4.096)).toBeCloseTo(1.5, 3);
  });
});

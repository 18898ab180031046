/**
 * BME280 calibration parsing and compensation, pure. Formulas: Bosch BME280 datasheet
 * §4.2.3 and §8.1 (double-precision variant), so results match the datasheet's numbers.
 */
export interface Bme280Calibration {
  T1: number; T2: number; T3: number;
  P1: number; P2: number; P3: number; P4: number; P5: number; P6: number; P7: number; P8: number; P9: number;
  H1: number; H2: number; H3: number; H4: number; H5: number; H6: number;
}

export interface Bme280Raw {
  adcT: number;
  adcP: number;
  adcH: number;
}

export interface Climate {
  temperatureC: number;
  humidityPct: number;
  pressureHpa: number;
}

/** `block1` = registers 0x88–0xA1 (26 bytes), `block2` = 0xE1–0xE7 (7 bytes). */
export function parseBme280Calibration(block1: Buffer, block2: Buffer): Bme280Calibration {
  if (block1.length < 26 || block2.length < 7) throw new RangeError('BME280 calibration blocks too short');
  const e4 = block2.readInt8(3); // H4 and H5 keep their sign in the MSB register
  const e5 = block2[4]!;
  const e6 = block2.readInt8(5);
  return {
    T1: block1.readUInt16LE(0), T2: block1.readInt16LE(2), T3: block1.readInt16LE(4),
    P1: block1.readUInt16LE(6), P2: block1.readInt16LE(8), P3: block1.readInt16LE(10),
    P4: block1.readInt16LE(12), P5: block1.readInt16LE(14), P6: block1.readInt16LE(16),
    P7: block1.readInt16LE(18), P8: block1.readInt16LE(20), P9: block1.readInt16LE(22),
    H1: block1[25]!,
    H2: block2.readInt16LE(0),
    H3: block2[2]!,
    H4: e4 * 16 + (e5 & 0x0f),
    H5: e6 * 16 + (e5 >> 4),
    H6: block2.readInt8(6),
  };
}

/** Inverse of `parseBme280Calibration`, for emulators and tests. */
export function encodeBme280Calibration(c: Bme280Calibration): { block1: Buffer; block2: Buffer } {
  const block1 = Buffer.alloc(26);
  block1.writeUInt16LE(c.T1, 0); block1.writeInt16LE(c.T2, 2); block1.writeInt16LE(c.T3, 4);
  block1.writeUInt16LE(c.P1, 6);
  [c.P2, c.P3, c.P4, c.P5, c.P6, c.P7, c.P8, c.P9].forEach((v, i) => block1.writeInt16LE(v, 8 + 2 * i));
  block1[25] = c.H1;
  const block2 = Buffer.alloc(7);
  block2.writeInt16LE(c.H2, 0);
  block2[2] = c.H3;
  block2.writeInt8(c.H4 >> 4, 3);
  block2[4] = ((c.H5 & 0x0f) << 4) | (c.H4 & 0x0f);
  block2.writeInt8(c.H5 >> 4, 5);
  block2.writeInt8(c.H6, 6);
  return { block1, block2 };
}

/** Registers 0xF7–0xFE: press[19:0], temp[19:0], hum[15:0]. */
export function parseBme280Data(data: Buffer): Bme280Raw {
  if (data.length < 8) throw new RangeError('BME280 data block too short');
  return {
    adcP: (data[0]! << 12) | (data[1]! << 4) | (data[2]! >> 4),
    adcT: (data[3]! << 12) | (data[4]! << 4) | (data[5]! >> 4),
    adcH: (data[6]! << 8) | data[7]!,
  };
}

/** t_fine carries temperature into the pressure and humidity formulas. */
export function bme280TFine(c: Bme280Calibration, adcT: number): number {
  const var1 = (adcT / 16384 - c.T1 / 1024) * c.T2;
  const d = adcT / 131072 - c.T1 / 8192;
  return var1 + d * d * c.T3;
}

export function bme280Temperature(tFine: number): number {
  return tFine / 5120;
}

/** Pressure in Pa. */
export function bme280Pressure(c: Bme280Calibration, tFine: number, adcP: number): number {
  let var1 = tFine / 2 - 64000;
  let var2 = (var1 * var1 * c.P6) / 32768;
  var2 = var2 + var1 * c.P5 * 2;
  var2 = var2 / 4 + c.P4 * 65536;
  var1 = ((c.P3 * var1 * var1) / 524288 + c.P2 * var1) / 524288;
  var1 = (1 + var1 / 32768) * c.P1;
  if (var1 === 0) return 0; // the datasheet's guard against division by zero
  let p = 1048576 - adcP;
  p = ((p - var2 / 4096) * 6250) / var1;
  var1 = (c.P9 * p * p) / 2147483648;
  var2 = (p * c.P8) / 32768;
  return p + (var1 + var2 + c.P7) / 16;
}

/** Relative humidity in %, clamped to 0–100 as the datasheet does. */
export function bme280Humidity(c: Bme280Calibration, tFine: number, adcH: number): number {
  let h = tFine - 76800;
  h = (adcH - (c.H4 * 64 + (c.H5 / 16384) * h)) *
    ((c.H2 / 65536) * (1 + (c.H6 / 67108864) * h * (1 + (c.H3 / 67108864) * h)));
  h = h * (1 - (c.H1 * h) / 524288);
  return Math.min(100, Math.max(0, h));
}

/** Skipped measurements read as 0x80000 (T, P) and 0x8000 (H): reported as NaN. */
export function compensateBme280(c: Bme280Calibration, raw: Bme280Raw): Climate {
  const tFine = bme280TFine(c, raw.adcT);
  return {
    temperatureC: raw.adcT === 0x80000 ? NaN : bme280Temperature(tFine),
    pressureHpa: raw.adcP === 0x80000 ? NaN : bme280Pressure(c, tFine, raw.adcP) / 100,
    humidityPct: raw.adcH === 0x8000 ? NaN : bme280Humidity(c, tFine, raw.adcH),
  };
}

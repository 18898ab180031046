import { crc8Maxim } from './crc8.js';

/**
 * Parsing of the kernel's DS18B20 files, pure.
 * `w1_slave`: line 1 = 9 scratchpad bytes + `: crc=XX YES|NO`, line 2 = bytes + `t=<millidegrees>`.
 */
export interface Ds18b20Reading {
  temperatureC: number;
  /** The kernel's verdict and our own check of the scratchpad CRC must both pass. */
  crcOk: boolean;
  /** 85.000 °C is the power-on value of the scratchpad: no conversion has happened yet. */
  powerOnValue: boolean;
}

export function parseW1Slave(text: string): Ds18b20Reading {
  const lines = text.trim().split('\n');
  const first = lines[0] ?? '';
  const second = lines[1] ?? '';
  const crcMatch = /crc=([0-9a-f]{2})\s+(YES|NO)/i.exec(first);
  const tMatch = /t=(-?\d+)/.exec(second);
  if (!crcMatch || !tMatch) throw new SyntaxError(`not a w1_slave file: ${JSON.stringify(text.slice(0, 80))}`);
  const bytes = (first.split(':')[0] ?? '').trim().split(/\s+/).map((h) => parseInt(h, 16));
  const ownCrcOk = bytes.length === 9 && crc8Maxim(Uint8Array.from(bytes.slice(0, 8))) === bytes[8];
  const milli = Number(tMatch[1]);
  return {
    temperatureC: milli / 1000,
    crcOk: crcMatch[2]!.toUpperCase() === 'YES' && ownCrcOk,
    powerOnValue: milli === 85000,
  };
}

/** The newer `temperature` attribute: millidegrees only, no CRC (the kernel checked it). */
export function parseTemperatureFile(text: string): Ds18b20Reading {
  const milli = Number(text.trim());
  if (!Number.isFinite(milli) || text.trim() === '') throw new SyntaxError(`not a temperature file: ${JSON.stringify(text)}`);
  return { temperatureC: milli / 1000, crcOk: true, powerOnValue: milli === 85000 };
}

/** Scratchpad temperature LSB/MSB → °C (12-bit, 1/16 °C per count, two's complement). */
export function ds18b20Celsius(lsb: number, msb: number): number {
  const raw = ((msb << 8) | lsb) << 16 >> 16;
  return raw / 16;
}

/** Builds a `w1_slave` text as the kernel would print it for a given temperature. */
export function formatW1Slave(temperatureC: number, options: { corruptCrc?: boolean } = {}): string {
  const raw = Math.round(temperatureC * 16) & 0xffff;
  const pad = [raw & 0xff, raw >> 8, 0x4b, 0x46, 0x7f, 0xff, 0x0c, 0x10];
  const crc = crc8Maxim(Uint8Array.from(pad));
  const shown = options.corruptCrc ? crc ^ 0x5a : crc;
  const hex = [...pad, shown].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  const milli = Math.round(ds18b20Celsius(pad[0]!, pad[1]!) * 1000);
  return `${hex} : crc=${shown.toString(16).padStart(2, '0')} ${options.corruptCrc ? 'NO' : 'YES'}\n${hex} t=${milli}\n`;
}

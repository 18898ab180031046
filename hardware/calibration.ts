/** Pure helpers for polled sensors: calibration (scale, offset) and a change threshold, per quantity. */
import { z } from 'zod';

export const calibrationSchema = z.strictObject({
  /** Added after scaling: reading × scale + offset. */
  offset: z.number().default(0),
  scale: z.number().default(1),
  /** Changes smaller than this emit no new state. */
  threshold: z.number().min(0).optional(),
});
export type Calibration = z.infer<typeof calibrationSchema>;

export interface Quantity {
  unit: string;
  deviceClass: string;
  /** Default change threshold. */
  threshold: number;
  decimals: number;
}

export const QUANTITIES = {
  temperature: { unit: '°C', deviceClass: 'temperature', threshold: 0.05, decimals: 2 },
  humidity: { unit: '%', deviceClass: 'humidity', threshold: 0.2, decimals: 1 },
  pressure: { unit: 'hPa', deviceClass: 'pressure', threshold: 0.1, decimals: 1 },
  illuminance: { unit: 'lx', deviceClass: 'illuminance', threshold: 1, decimals: 0 },
  voltage: { unit: 'V', deviceClass: 'voltage', threshold: 0.005, decimals: 3 },
} as const satisfies Record<string, Quantity>;
export type QuantityName = keyof typeof QUANTITIES;

/** Calibrates and rounds a reading; returns undefined when it moved less than the threshold. */
export function createReadingFilter(quantity: Quantity, calibration: Partial<Calibration> = {}): (raw: number) => number | undefined {
  const threshold = calibration.threshold ?? quantity.threshold;
  const factor = 10 ** quantity.decimals;
  let last: number | undefined;
  return (raw) => {
    const value = Math.round((raw * (calibration.scale ?? 1) + (calibration.offset ?? 0)) * factor) / factor;
    if (last !== undefined && Math.abs(value - last) < threshold) return undefined;
    last = value;
    return value;
  };
}

import { z } from 'zod';
import { inputLineShape } from '../../hardware/index.js';
import { entityBaseSchema, entityIdSchema } from '../../core/plugin-api.js';

/** What a meter measures: the units of its total and of its rate, and their device classes. */
export const KINDS = {
  energy: { unit: 'kWh', deviceClass: 'energy', rateSuffix: 'power', rateUnit: 'W', rateClass: 'power', ratePerUnitPerHour: 1000 },
  water: { unit: 'm³', deviceClass: 'water', rateSuffix: 'flow', rateUnit: 'L/min', rateClass: 'volume_flow_rate', ratePerUnitPerHour: 1000 / 60 },
  gas: { unit: 'm³', deviceClass: 'gas', rateSuffix: 'flow', rateUnit: 'm³/h', rateClass: 'volume_flow_rate', ratePerUnitPerHour: 1 },
} as const;

/** One meter's pulse output on an input line (S0, a reed switch, an optical sensor on the meter's LED). */
const meter = z.strictObject({
  /** The total's entity; the rate is `<id>_power` (energy) or `<id>_flow` (water, gas). */
  id: entityIdSchema('sensor'),
  ...entityBaseSchema.shape,
  ...inputLineShape,
  kind: z.enum(['energy', 'water', 'gas']),
  /** Pulses per kWh (energy) or per m³ (water, gas): 1000 imp/kWh; 1 imp/10 L is 100 per m³. */
  pulsesPerUnit: z.number().positive(),
  /** The edge that is one pulse: an S0 output or a reed switch to ground with a pull-up closes to low (`falling`). */
  edge: z.enum(['falling', 'rising']).default('falling'),
  /** A level must hold this long to count: reed switches bounce for a few ms, S0 pulses last 30 ms or more. */
  debounceMs: z.number().int().min(0).max(1000).default(10),
  /** Added to the counted total so it reads what the meter's display shows (kWh or m³). */
  offset: z.number().default(0),
  /** With no pulse for this long the rate reads 0. */
  idleAfterS: z.number().positive().max(86_400).default(600),
});

export const pulseMeterConfigSchema = z.strictObject({
  meters: z.array(meter).min(1),
  /** Totals are saved (and then shown) this often: a `kill -9` loses at most this long's pulses. */
  commitIntervalS: z.number().int().min(1).max(3600).default(60),
  /** How often a decaying rate is recomputed while no pulse comes. */
  rateIntervalS: z.number().positive().max(600).default(5),
});

export type PulseMeterConfig = z.infer<typeof pulseMeterConfigSchema>;
export type MeterConfig = z.infer<typeof meter>;

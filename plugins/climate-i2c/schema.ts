import { z } from 'zod';
import { entityBaseSchema } from '../../core/plugin-api.js';
import { calibrationSchema } from '../../hardware/index.js';

const base = {
  /** Entity ids are `sensor.<prefix>_<quantity>` (e.g. sensor.living_room_temperature). */
  prefix: z.string().regex(/^[a-z0-9_]+$/),
  /** For every entity of the device; `name` is followed by the quantity. */
  ...entityBaseSchema.shape,
  intervalS: z.number().min(1).max(86_400).default(30),
  /** Consecutive failed reads before the entities become unavailable. */
  errorsBeforeUnavailable: z.number().int().min(1).max(100).default(3),
};

const calibrations = <K extends string>(...keys: K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, calibrationSchema.optional()])) as Record<K, z.ZodOptional<typeof calibrationSchema>>).default({} as never);

const bme280 = z.strictObject({ chip: z.literal('bme280'), address: z.number().int().default(0x76), ...base, calibration: calibrations('temperature', 'humidity', 'pressure') });
const sht31 = z.strictObject({ chip: z.literal('sht31'), address: z.number().int().default(0x44), ...base, calibration: calibrations('temperature', 'humidity') });
const bh1750 = z.strictObject({ chip: z.literal('bh1750'), address: z.number().int().default(0x23), ...base, calibration: calibrations('illuminance') });

const adsChannel = z.strictObject({
  channel: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  /** Object id suffix: `sensor.<prefix>_<key>`. */
  key: z.string().regex(/^[a-z0-9_]+$/),
  name: z.string().optional(),
  /** After calibration (e.g. scale a divider's voltage to a battery voltage). */
  unit: z.string().default('V'),
  deviceClass: z.string().default('voltage'),
  offset: z.number().default(0),
  scale: z.number().default(1),
  threshold: z.number().min(0).optional(),
});
const ads1115 = z.strictObject({ chip: z.literal('ads1115'), address: z.number().int().default(0x48), ...base, channels: z.array(adsChannel).min(1) });

export const climateDeviceSchema = z.discriminatedUnion('chip', [bme280, sht31, bh1750, ads1115]);
export const climateConfigSchema = z.strictObject({
  bus: z.number().int().min(0).default(1),
  devices: z.array(climateDeviceSchema).min(1),
});

export type ClimateConfig = z.infer<typeof climateConfigSchema>;
export type ClimateDevice = z.infer<typeof climateDeviceSchema>;

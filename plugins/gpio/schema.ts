import { z } from 'zod';
import { inputLineShape, lineSpecSchema } from '../../hardware/index.js';
import { entityBaseSchema, entityIdSchema } from '../../core/plugin-api.js';

const BINARY_DEVICE_CLASSES = ['motion', 'door', 'window', 'moisture', 'smoke', 'occupancy', 'rain', 'opening', 'presence', 'vibration', 'problem'] as const;

/** An input line; `bias: pull-up` for a contact to ground without its own resistor. */
const binarySensor = z.strictObject({
  id: entityIdSchema('binary_sensor'),
  ...entityBaseSchema.shape,
  ...inputLineShape,
  deviceClass: z.enum(BINARY_DEVICE_CLASSES).optional(),
  /** "on" when the line is low (a contact to ground with a pull-up). */
  inverted: z.boolean().default(false),
  debounceMs: z.number().int().min(0).max(10_000).default(30),
});

/** An output line driving a relay or an LED. */
const output = z.strictObject({
  id: entityIdSchema('switch', 'light'),
  ...entityBaseSchema.shape,
  line: lineSpecSchema,
  /** The relay is energised at a physical low (most relay boards). */
  activeLow: z.boolean().default(false),
  /** After a restart: `off` (safe) or `last` (the state before the restart). */
  restore: z.enum(['off', 'last']).default('off'),
});

export const gpioConfigSchema = z.strictObject({
  entities: z.array(z.union([binarySensor, output])).min(1),
});

export type GpioConfig = z.infer<typeof gpioConfigSchema>;
export type BinarySensorConfig = z.infer<typeof binarySensor>;
export type OutputConfig = z.infer<typeof output>;

import { z } from 'zod';
import { entityBaseSchema, entityIdSchema } from '../../core/plugin-api.js';
import { lineSpecSchema } from '../../hardware/index.js';

const common = {
  id: entityIdSchema('cover'),
  ...entityBaseSchema.shape,
  /** Relays energised at a physical low (most relay boards). */
  activeLow: z.boolean().default(false),
  travelUpS: z.number().positive().max(600),
  travelDownS: z.number().positive().max(600),
  /** Pause between one direction and the other, so the motor stops before it reverses. */
  deadTimeMs: z.number().int().min(200).max(10_000).default(1000),
  /** Extra run beyond the travel time when going fully open or closed, so the limit switch is reached. */
  runOnS: z.number().min(0).max(60).default(2),
  /** Time between energising the relay and the curtain moving; not counted as travel. */
  motorStartDelayMs: z.number().int().min(0).max(5000).default(0),
};

/** Two relays: one per direction. */
const twoRelays = z.strictObject({ ...common, upLine: lineSpecSchema, downLine: lineSpecSchema });

/** A power relay and a change-over direction relay (energised = up unless `directionUpLevel: 0`). */
const powerDirection = z.strictObject({
  ...common,
  powerLine: lineSpecSchema,
  directionLine: lineSpecSchema,
  directionUpLevel: z.union([z.literal(0), z.literal(1)]).default(1),
});

export const shutterEntitySchema = z.union([twoRelays, powerDirection]);
export const shutterConfigSchema = z.strictObject({ entities: z.array(shutterEntitySchema).min(1) });

export type ShutterConfig = z.infer<typeof shutterConfigSchema>;
export type ShutterEntityConfig = z.infer<typeof shutterEntitySchema>;

import { z } from 'zod';
import { entityBaseSchema, entityIdSchema } from '../../core/plugin-api.js';

const MODES = ['away', 'home', 'night'] as const;
const seconds = (max: number) => z.number().int().min(0).max(max);

const zone = z.strictObject({
  /** A contact or motion sensor; `on` means open (or moving). */
  entity: entityIdSchema('binary_sensor'),
  /** The armed modes it guards. */
  modes: z.array(z.enum(MODES)).min(1).default(['away', 'home', 'night']),
  /** Trigger at once instead of starting the entry delay. */
  instant: z.boolean().default(false),
  /** May be left out of one arming with the `bypass` param. */
  bypassable: z.boolean().default(false),
});

export const alarmConfigSchema = z.strictObject({
  entity: entityIdSchema('alarm_control_panel'),
  ...entityBaseSchema.shape,
  /** Disarming always needs a user's code; arming only when this is true. */
  codeArmRequired: z.boolean().default(false),
  /** Time to leave after arming, per mode (seconds). */
  exitDelayS: z.strictObject({ away: seconds(600).default(60), home: seconds(600).default(0), night: seconds(600).default(0) }).prefault({}),
  /** Time to disarm after a delayed zone opens (seconds). */
  entryDelayS: seconds(600).default(30),
  /** How long the sirens sound (seconds). */
  triggerS: z.number().int().min(1).max(3600).default(180),
  /** Where the panel goes once the siren time is over. */
  afterTrigger: z.enum(['armed', 'disarmed']).default('armed'),
  /** Driven on while triggered, off after. */
  sirens: z.array(entityIdSchema('switch', 'siren')).default([]),
  /** Notification channels (`notify:` ids) for the trigger and duress alerts; absent = the default channels. */
  notify: z.array(z.string().min(1).max(64)).optional(),
  zones: z.array(zone).min(1),
});

export type AlarmConfig = z.infer<typeof alarmConfigSchema>;

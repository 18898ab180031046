import { z } from 'zod';
import { entityBaseSchema, entityIdSchema } from '../../core/plugin-api.js';
import { lineSpecSchema } from '../../hardware/index.js';

const celsius = z.number().min(-20).max(50);

/** Targets of the named presets; `boost` is set apart (it lasts a while, then hands back). */
const presets = z.strictObject({
  comfort: celsius.default(20),
  eco: celsius.default(17),
  away: celsius.default(15),
  frost: celsius.default(7),
});

const zoneBase = {
  id: entityIdSchema('climate'),
  ...entityBaseSchema.shape,
  /** The room's temperature sensor (°C). */
  sensor: entityIdSchema('sensor'),
  /** Target at the first start, preset `none`; without it the zone starts on `comfort`. Restored after later restarts. */
  target: celsius.optional(),
  /** Heating starts at target − tolerance and stops at target + tolerance. */
  tolerance: z.number().min(0).max(5).default(0.3),
  /** The output keeps each state at least this long (relays, boilers); cut-offs excepted. */
  minCycleS: z.number().min(0).max(3600).default(300),
  /** A sensor unavailable (or unknown) this long releases the heater; the entity says why. */
  sensorTimeoutS: z.number().min(1).max(86_400).default(600),
  /** A `schedule` entity: inside a block its `value` names the preset (or a target in °C), a block without value means comfort; outside a block, eco. */
  schedule: entityIdSchema('schedule').optional(),
  /** A door/window contact: heating stops while it is `on` (open). */
  window: entityIdSchema('binary_sensor').optional(),
  /** A window nobody wired: a drop of `dropC` within `withinS` stops heating for `offS`. */
  windowDrop: z
    .strictObject({
      dropC: z.number().positive().max(10).default(1),
      withinS: z.number().int().min(10).max(3600).default(300),
      offS: z.number().int().min(10).max(86_400).default(900),
    })
    .optional(),
  presets: presets.prefault({}),
  /** `boost`: this target (default comfort + 2) for `durationS`, then back to the preset before it. */
  boost: z.strictObject({ temperature: celsius.optional(), durationS: z.number().int().min(60).max(86_400).default(3600) }).prefault({}),
  minTemp: celsius.default(5),
  maxTemp: celsius.default(30),
  step: z.number().positive().max(5).default(0.5),
};

/** A relay another plugin owns (a `gpio` switch), commanded through the hub. */
const relayZone = z.strictObject({ ...zoneBase, heater: entityIdSchema('switch') });

/** Two lines driving the pilot wire's half-waves; see docs/hardware.md for the wiring table. */
const filPiloteZone = z.strictObject({
  ...zoneBase,
  filPilote: z.strictObject({
    positiveLine: lineSpecSchema,
    negativeLine: lineSpecSchema,
    /** The order while heating: comfort, or comfort −1 / −2 on radiators that take them. */
    heatOrder: z.enum(['comfort', 'comfort-1', 'comfort-2']).default('comfort'),
  }),
});

export const thermostatConfigSchema = z.strictObject({
  zones: z.array(z.union([relayZone, filPiloteZone])).min(1),
});

export type ThermostatConfig = z.infer<typeof thermostatConfigSchema>;
export type ZoneConfig = ThermostatConfig['zones'][number];
export type FilPiloteConfig = z.infer<typeof filPiloteZone>['filPilote'];
export type PresetTargets = z.infer<typeof presets>;

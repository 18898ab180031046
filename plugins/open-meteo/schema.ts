import { z } from 'zod';
import { entityBaseSchema } from '../../core/plugin-api.js';

export const OPEN_METEO_URL = 'https://api.open-meteo.com';

export const openMeteoConfigSchema = z.strictObject({
  /** The weather entity; its sensors are `sensor.<prefix>_temperature`, `sensor.<prefix>_tomorrow_max` … */
  entity: z.string().regex(/^weather\.[a-z0-9_]+$/, 'a weather entity id such as weather.home').default('weather.home'),
  ...entityBaseSchema.shape,
  /** The API's origin (a self-hosted instance, or a local stand-in); `/v1/forecast` is appended. */
  baseUrl: z.url({ protocol: /^https?$/ }).default(OPEN_METEO_URL),
  /** Seconds between two fetches. The public API allows 10,000 calls a day: keep it at 10 minutes or more. */
  intervalS: z.number().min(1).max(86_400).default(900),
  /** A fetch that has not answered by then counts as a failure. */
  timeoutS: z.number().min(0.1).max(120).default(10),
  /** Hours without a good answer before the entities become unavailable; until then the last forecast stays, marked stale. */
  staleAfterH: z.number().positive().max(24 * 14).default(6),
  /** Sensor entities for the values automations use; `false` adds only the weather entity. */
  sensors: z.boolean().default(true),
  /** Object id prefix of the sensors; default the weather entity's object id. */
  prefix: z.string().regex(/^[a-z0-9_]+$/).optional(),
});

export type OpenMeteoConfig = z.infer<typeof openMeteoConfigSchema>;

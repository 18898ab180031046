import { z } from 'zod';
import { energySchema } from './energy-schema.js';
import { ROLES } from '../kernel/roles.js';
import { notifySchema } from './notify-schema.js';
import { checkUniqueIds, scheduleSchema } from './schedule-schema.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const location = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  timezone: z.string().optional(),
  elevation: z.number().optional(),
});

const server = z.strictObject({
  port: z.number().int().min(0).max(65535).default(8420),
  host: z.string().default('0.0.0.0'),
});

const storage = z.strictObject({
  /** Relative to the config file; default `<data dir>/hearth.db`. */
  path: z.string().optional(),
  keepDays: z.number().int().min(1).max(3650).default(10),
  commitIntervalS: z.number().min(0.1).max(60).default(2),
});

const hardware = z
  .strictObject({
    backend: z.enum(['auto', 'linux', 'gpiod', 'sim']).default('auto'),
    /** Sim only: on the first start, live this many past days fast to fill the history (the demo house's week). */
    backfillDays: z.number().int().min(1).max(30).optional(),
  })
  .refine((h) => h.backfillDays === undefined || h.backend === 'sim', { message: 'backfillDays needs backend: sim (it simulates the past)', path: ['backfillDays'] });

/** The host's own keys on a plugin entry; every other key is the plugin's config. */
export const pluginEntrySchema = z.looseObject({
  use: z.string().min(1),
  /** Instance id when one plugin is used twice; defaults to the manifest id. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-_]*$/, 'use lower-case letters, digits, - and _').optional(),
  isolate: z.boolean().optional(),
  autoIsolate: z.boolean().optional(),
  memoryLimitMb: z.number().int().min(16).optional(),
  setupTimeoutS: z.number().positive().max(300).optional(),
  /** `false` keeps the entry in the file but does not load it (Settings → Plugins → disable). */
  enabled: z.boolean().optional(),
});
export const HOST_PLUGIN_KEYS = ['use', 'id', 'isolate', 'autoIsolate', 'memoryLimitMb', 'setupTimeoutS', 'enabled'] as const;

const mqtt = z.strictObject({
  url: z.string(),
  node: z.string().regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, - and _').optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  discovery: z.boolean().default(true),
  discoveryPrefix: z.string().default('homeassistant'),
  qos: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(1),
  /** Root of Hearth's own topics: `<prefix>/<node>/…`. */
  topicPrefix: z.string().regex(/^[^#+]+$/, 'no MQTT wildcards').default('hearth'),
  clientId: z.string().optional(),
  /** Seconds; a dead hub's last will fires within about 1.5× this. */
  keepaliveS: z.number().int().min(1).max(3600).default(30),
  /** Reconnect back-off: first delay, doubled per failure up to the maximum. */
  reconnect: z.strictObject({ minMs: z.number().int().min(10).default(1000), maxMs: z.number().int().min(10).default(60_000) }).prefault({}),
  /** Mirror other hubs' entities from the same broker (several Pis, one home). */
  federation: z.boolean().default(true),
  /**
   * The role a command received on `/set` acts with against entities' `allowedRoles`:
   * MQTT carries no Hearth user, and anyone who may publish on the broker can send one.
   */
  commandRole: z.enum(ROLES).default('member'),
  /** PEM file paths, relative to the config file. */
  tls: z
    .strictObject({ ca: z.string().optional(), cert: z.string().optional(), key: z.string().optional(), rejectUnauthorized: z.boolean().default(true) })
    .optional(),
});

/** Daily backups with rotation (docs/operations.md); off unless `daily: true`. */
const backup = z.strictObject({
  daily: z.boolean().default(false),
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour').default('03:30'),
  keep: z.number().int().min(1).max(365).default(7),
  /** Relative to the config file; default `<data dir>/backups`. */
  dir: z.string().optional(),
});

export const configSchema = z.strictObject({
  name: z.string().default('Hearth'),
  location: location.optional(),
  server: server.prefault({}),
  storage: storage.prefault({}),
  hardware: hardware.prefault({}),
  logging: z.strictObject({ level: z.enum(LOG_LEVELS).default('info') }).prefault({}),
  areas: z.array(z.string().regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _')).default([]),
  plugins: z.array(pluginEntrySchema).default([]),
  /** A file of automations (relative to the config) or the list itself. */
  automations: z.union([z.string(), z.array(z.unknown())]).optional(),
  mqtt: mqtt.optional(),
  /** Weekly schedules, each the entity `schedule.<id>` (docs/configuration.md#schedules). */
  schedules: z.array(scheduleSchema).superRefine(checkUniqueIds).default([]),
  backup: backup.optional(),
  /** Floor plans (docs/configuration.md#floor-plans): plans to start with, and how long an "I am here" pin lasts. */
  floorplans: z
    .strictObject({ seed: z.string().optional(), pinMinutes: z.number().int().min(1).max(24 * 60).default(240) })
    .optional(),
  /** `GET /api/metrics` also accepts `Authorization: Bearer <token>` (for Prometheus). */
  metrics: z.strictObject({ token: z.string().min(16, 'use at least 16 characters').optional() }).optional(),
  /** Notification channels besides the built-in `dashboard` (docs/configuration.md#notifications). */
  notify: notifySchema.default([]),
  /** Meters, tariffs and prices for the Energy view and /api/energy (docs/energy.md). */
  energy: energySchema.optional(),
  /** When the hub raises its own alerts (docs/configuration.md#alerts). */
  alerts: z
    .strictObject({
      diskFreeBelowPercent: z.number().min(0).max(100).optional(),
      unavailableAfterMin: z.number().min(1).max(10_080).optional(),
      diskCheckEveryMin: z.number().min(1).max(1440).optional(),
    })
    .optional(),
}).superRefine((config, ctx) => {
  config.notify.forEach((channel, i) => {
    if (channel.type === 'mqtt' && !config.mqtt) ctx.addIssue({ code: 'custom', path: ['notify', i, 'type'], message: "an mqtt channel publishes on the hub's broker connection: configure mqtt: too" });
  });
});

export type HearthConfig = z.infer<typeof configSchema>;
export type PluginEntry = z.infer<typeof pluginEntrySchema>;
export type MqttConfig = z.infer<typeof mqtt>;
export type LogLevel = (typeof LOG_LEVELS)[number];

import { z } from 'zod';
import { entityBaseSchema, entityIdSchema } from '../../core/plugin-api.js';

const stateMap = z.record(z.string(), z.union([z.string(), z.number()]));

/** One entity fed by MQTT topics (a Tasmota plug, a Shelly relay, a Zigbee2MQTT sensor). */
export const topicEntitySchema = z.strictObject({
  // Every domain but `schedule`, which the hub's own schedules own.
  id: entityIdSchema('binary_sensor', 'sensor', 'switch', 'light', 'cover', 'climate', 'lock', 'valve', 'fan', 'siren', 'button', 'number', 'select', 'alarm_control_panel', 'weather'),
  ...entityBaseSchema.shape,
  stateTopic: z.string().optional(),
  /** Where the state sits in a JSON payload: `POWER`, `ENERGY.Power`, `$.state`, `data[0].temp`; absent = the whole payload. */
  statePath: z.string().optional(),
  /** Payload value → Hearth state, e.g. `{ "ON": "on", "OFF": "off" }`; common words are mapped without it. */
  stateMap: stateMap.optional(),
  /** Attributes read from the same JSON payload: `{ brightness: Dimmer, position: Shutter1.Position }`. */
  attributePaths: z.record(z.string(), z.string()).optional(),
  commandTopic: z.string().optional(),
  /** Command → payload template; `{{brightness}}`, `{{position}}`, `{{value}}`, `{{code}}` … are replaced by the command's params. */
  commandPayloads: z.record(z.string(), z.string()).optional(),
  /** Command → topic, for devices that take some commands elsewhere (a thermostat's setpoint topic); the rest go to `commandTopic`. */
  commandTopics: z.record(z.string(), z.string()).optional(),
  availabilityTopic: z.string().optional(),
  payloadAvailable: z.string().default('online'),
  payloadNotAvailable: z.string().default('offline'),
  /** Static attributes: unit, deviceClass, stateClass; `options` of a select or an enum sensor; min/max/step of a number. */
  attributes: z.record(z.string(), z.unknown()).optional(),
  retain: z.boolean().default(false),
  /** Without a state topic, a command sets the state it asked for. */
  optimistic: z.boolean().optional(),
});

export const mqttPluginConfigSchema = z.strictObject({
  url: z.string().default('mqtt://localhost:1883'),
  username: z.string().optional(),
  password: z.string().optional(),
  clientId: z.string().optional(),
  qos: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(0),
  entities: z.array(topicEntitySchema).default([]),
  /** Import the entities other systems announce by Home Assistant discovery (Zigbee2MQTT, Tasmota, ESPHome). */
  discovery: z.strictObject({ import: z.boolean().default(false), prefix: z.string().default('homeassistant'), area: entityBaseSchema.shape.area }).prefault({}),
});

export type TopicEntity = z.infer<typeof topicEntitySchema>;
export type TopicEntityInput = z.input<typeof topicEntitySchema>;
export type MqttPluginConfig = z.infer<typeof mqttPluginConfigSchema>;

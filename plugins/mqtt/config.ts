import { z } from 'zod';
import { entityBaseSchema, entityIdSchema } from '../../core/plugin-api.js';

const stateMap = z.record(z.string(), z.union([z.string(), z.number()]));

/** One source of an entity's availability; with several, `availabilityMode` combines them. */
const availabilitySchema = z.strictObject({
  topic: z.string(),
  /** Renders the payload first (`{{ value_json.state }}`), as Home Assistant's `value_template`. */
  valueTemplate: z.string().optional(),
  payloadAvailable: z.string().default('online'),
  payloadNotAvailable: z.string().default('offline'),
});

/** An attribute read from a topic: by a JSON path, a value template, or the whole payload. */
const attributeSourceSchema = z.strictObject({ topic: z.string(), path: z.string().optional(), valueTemplate: z.string().optional() });

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
  /**
   * A Home Assistant value template for the state, `{{ value_json.temp | float | round(1) }}`: the common
   * filters, arithmetic, comparisons and `{% if %}` (docs/mqtt.md lists them). Wins over `statePath`.
   */
  valueTemplate: z.string().optional(),
  /** Attributes read from the same JSON payload: `{ brightness: Dimmer, position: Shutter1.Position }`. */
  attributePaths: z.record(z.string(), z.string()).optional(),
  /** Attributes read from any topic: `{ position: { topic: shellies/x/roller/0/pos } }`. */
  attributeTopics: z.record(z.string(), attributeSourceSchema).optional(),
  commandTopic: z.string().optional(),
  /**
   * Command → payload template, rendered like `valueTemplate` with the command's params (`{{brightness}}`,
   * `{{position}}`, `{{code}}` …, scaled to the device by `brightnessScale` and `positionOpen`/`positionClosed`),
   * `transition` in seconds, and `value`: the command's main param, or its `commandValues` entry.
   */
  commandPayloads: z.record(z.string(), z.string()).optional(),
  /** Command → the `value` its template sees, when that is a fixed word (Home Assistant's `payload_lock` under a `command_template`). */
  commandValues: z.record(z.string(), z.string()).optional(),
  /** Command → topic, for devices that take some commands elsewhere (a thermostat's setpoint topic); the rest go to `commandTopic`. */
  commandTopics: z.record(z.string(), z.string()).optional(),
  /** Commands the device does not take although the domain has them (a cover without a position command). */
  unsupportedCommands: z.array(z.string()).optional(),
  /** The device's full brightness (Zigbee2MQTT 254, Home Assistant's default 255): Hearth's 0–100 is scaled to it, both ways. */
  brightnessScale: z.number().positive().default(100),
  /** Where a light takes its brightness alone (Tasmota's `cmnd/<topic>/Dimmer`); its payload is `commandPayloads.brightness`. */
  brightnessCommandTopic: z.string().optional(),
  /** With `brightnessCommandTopic`: send the on payload before (`first`) or after (`last`) the brightness, or not at all (`brightness`). */
  onCommandType: z.enum(['first', 'last', 'brightness']).default('last'),
  /** The device's positions for fully open and fully closed; Hearth's 0 (closed)–100 is scaled to them, both ways. */
  positionOpen: z.number().default(100),
  positionClosed: z.number().default(0),
  availabilityTopic: z.string().optional(),
  payloadAvailable: z.string().default('online'),
  payloadNotAvailable: z.string().default('offline'),
  /** Several availability sources (Zigbee2MQTT's bridge state and the device's own), with `availabilityTopic` as one more. */
  availability: z.array(availabilitySchema).optional(),
  /** `latest`: the last message decides; `all`: every source must say available; `any`: one is enough. */
  availabilityMode: z.enum(['latest', 'all', 'any']).default('latest'),
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
export type AvailabilitySource = z.infer<typeof availabilitySchema>;
export type TopicEntityInput = z.input<typeof topicEntitySchema>;
export type MqttPluginConfig = z.infer<typeof mqttPluginConfigSchema>;

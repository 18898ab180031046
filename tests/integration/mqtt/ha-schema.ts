/**
 * The discovery fields Home Assistant documents for each MQTT component we use
 * (https://www.home-assistant.io/integrations/<component>.mqtt/), as a test oracle.
 */
import { z } from 'zod';

const template = z.string().regex(/\{\{.*\}\}/s);
const topic = z.string().regex(/^[^#+]+$/);
const device = z.strictObject({
  identifiers: z.array(z.string()).min(1),
  name: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  sw_version: z.string(),
});
const common = {
  name: z.string(),
  unique_id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  object_id: z.string(),
  availability_mode: z.enum(['all', 'any', 'latest']),
  availability: z
    .array(z.strictObject({ topic, payload_available: z.string().optional(), payload_not_available: z.string().optional(), value_template: template.optional() }))
    .min(1),
  json_attributes_topic: topic,
  json_attributes_template: template,
  device,
};
const SENSOR_DEVICE_CLASSES = ['temperature', 'humidity', 'pressure', 'illuminance', 'voltage', 'power', 'energy', 'current', 'battery'];

export const HA_DISCOVERY: Record<string, z.ZodType> = {
  sensor: z.strictObject({
    ...common,
    state_topic: topic,
    value_template: template,
    device_class: z.enum(SENSOR_DEVICE_CLASSES).optional(),
    unit_of_measurement: z.string().optional(),
    state_class: z.enum(['measurement', 'total', 'total_increasing']).optional(),
  }),
  binary_sensor: z.strictObject({
    ...common,
    state_topic: topic,
    value_template: template,
    payload_on: z.string(),
    payload_off: z.string(),
    device_class: z.enum(['motion', 'door', 'window', 'moisture', 'smoke', 'occupancy', 'opening', 'presence']).optional(),
  }),
  switch: z.strictObject({
    ...common,
    state_topic: topic,
    value_template: template,
    state_on: z.string(),
    state_off: z.string(),
    command_topic: topic,
    payload_on: z.string(),
    payload_off: z.string(),
  }),
  light: z.strictObject({
    ...common,
    state_topic: topic,
    state_value_template: template,
    command_topic: topic,
    payload_on: z.string(),
    payload_off: z.string(),
    brightness_state_topic: topic.optional(),
    brightness_value_template: template.optional(),
    brightness_command_topic: topic.optional(),
    brightness_command_template: template.optional(),
    brightness_scale: z.literal(100).optional(),
  }),
  cover: z.strictObject({
    ...common,
    device_class: z.enum(['shutter', 'blind', 'curtain', 'garage', 'gate', 'awning', 'door', 'window', 'shade', 'damper']).optional(),
    state_topic: topic,
    value_template: template,
    state_open: z.string(),
    state_opening: z.string(),
    state_closed: z.string(),
    state_closing: z.string(),
    command_topic: topic,
    payload_open: z.string(),
    payload_close: z.string(),
    payload_stop: z.string(),
    position_topic: topic,
    position_template: template,
    set_position_topic: topic,
    set_position_template: template,
    position_open: z.number(),
    position_closed: z.number(),
  }),
};

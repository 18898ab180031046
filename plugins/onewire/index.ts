/** `onewire`: DS18B20 temperature sensors on the 1-Wire bus, found by discovery or listed. */
import { z } from 'zod';
import { readDs18b20 } from '../../hardware/index.js';
import { definePlugin, entityBaseOf, entityBaseSchema, entityIdSchema, pollDevice, type EntityId, type PluginContext } from '../../core/plugin-api.js';
import { calibrationSchema, createReadingFilter, QUANTITIES } from '../../hardware/index.js';

const sensorSchema = z.strictObject({
  device: z.string().regex(/^28-[0-9a-f]{12}$/, 'a DS18B20 id looks like 28-0316a2794aff'),
  /** Default `sensor.ds18b20_<the 12 hex digits>`: stable as long as the chip is. */
  id: entityIdSchema('sensor').optional(),
  ...entityBaseSchema.shape,
  ...calibrationSchema.shape,
});

export const onewireConfigSchema = z.strictObject({
  /** Also add every `28-*` device found on the bus at start that is not listed. */
  discover: z.boolean().default(true),
  intervalS: z.number().min(1).max(86_400).default(30),
  errorsBeforeUnavailable: z.number().int().min(1).max(100).default(3),
  sensors: z.array(sensorSchema).default([]),
});
type OnewireConfig = z.infer<typeof onewireConfigSchema>;
type SensorConfig = z.infer<typeof sensorSchema>;

function defaultEntityId(device: string): EntityId<'sensor'> {
  return `sensor.ds18b20_${device.slice(3)}`;
}

function addSensor(ctx: PluginContext<OnewireConfig>, config: OnewireConfig, sensor: SensorConfig): void {
  const quantity = QUANTITIES.temperature;
  const entity = ctx.entities.add({
    id: sensor.id ?? defaultEntityId(sensor.device),
    ...entityBaseOf(sensor),
    attributes: { unit: quantity.unit, deviceClass: quantity.deviceClass, stateClass: 'measurement', device: sensor.device },
  });
  const filter = createReadingFilter(quantity, sensor);
  pollDevice({ timers: ctx.timers, log: ctx.log.child({ device: sensor.device }) }, {
    entities: [entity],
    intervalMs: config.intervalS * 1000,
    errorsBeforeUnavailable: config.errorsBeforeUnavailable,
    read: () => readDs18b20(ctx.hardware.oneWire, sensor.device),
    onReading(raw) {
      const value = filter(raw);
      if (value !== undefined) entity.setState(value);
    },
  });
}

export default definePlugin({
  manifest: {
    id: 'onewire',
    name: '1-Wire temperature',
    version: '1.0.0',
    apiVersion: 1,
    description: 'DS18B20 sensors on the 1-Wire bus, discovered or listed, with stable entity ids.',
  },
  config: onewireConfigSchema,
  async setup(ctx) {
    const { config } = ctx;
    const sensors = [...config.sensors];
    if (config.discover) {
      const listed = new Set(sensors.map((s) => s.device));
      for (const device of await ctx.hardware.oneWire.list()) {
        if (device.startsWith('28-') && !listed.has(device)) sensors.push(sensorSchema.parse({ device }));
      }
    }
    if (sensors.length === 0) ctx.log.warn('no DS18B20 found on the 1-Wire bus (is dtoverlay=w1-gpio set in config.txt?)');
    for (const sensor of sensors) addSensor(ctx, config, sensor);
  },
});

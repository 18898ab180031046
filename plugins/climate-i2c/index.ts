/** `climate-i2c`: BME280, SHT31, BH1750 and ADS1115 channels as polled sensor entities. */
import { definePlugin, entityBaseOf, pollDevice, type EntityHandle, type I2cBus, type PluginContext } from '../../core/plugin-api.js';
import { createReadingFilter } from '../../hardware/index.js';
import { readerFor } from './readers.js';
import { climateConfigSchema, type ClimateConfig, type ClimateDevice } from './schema.js';

function addDevice(ctx: PluginContext<ClimateConfig>, bus: I2cBus, device: ClimateDevice): void {
  const reader = readerFor(device);
  const sensors = reader.channels.map((c) => ({
    key: c.key,
    filter: createReadingFilter(c.quantity, c.calibration),
    entity: ctx.entities.add({
      id: `sensor.${device.prefix}_${c.key}`,
      ...entityBaseOf(device),
      name: c.name ?? (device.name ? `${device.name} ${c.key}` : undefined),
      attributes: { unit: c.quantity.unit, deviceClass: c.quantity.deviceClass, stateClass: 'measurement' },
    }) satisfies EntityHandle,
  }));
  let read: (() => Promise<Record<string, number>>) | undefined;
  pollDevice({ timers: ctx.timers, log: ctx.log.child({ chip: device.chip, address: device.address }) }, {
    entities: sensors.map((s) => s.entity),
    intervalMs: device.intervalS * 1000,
    errorsBeforeUnavailable: device.errorsBeforeUnavailable,
    read: async () => (read ??= await reader.open(bus))(),
    onReading(values) {
      for (const s of sensors) {
        const value = s.filter(values[s.key]!);
        if (value !== undefined) s.entity.setState(value);
      }
    },
    onError: () => (read = undefined), // reopen next time: the chip may have been power-cycled
  });
}

export default definePlugin({
  manifest: {
    id: 'climate-i2c',
    name: 'I2C climate sensors',
    version: '1.0.0',
    apiVersion: 1,
    description: 'BME280, SHT31, BH1750 and ADS1115 readings as sensor entities, calibrated and de-noised.',
  },
  config: climateConfigSchema,
  setup(ctx) {
    const { config } = ctx;
    const bus = ctx.hardware.i2c(config.bus);
    for (const device of config.devices) addDevice(ctx, bus, device);
  },
});

/** `climate-i2c`: BME280, SHT31, BH1750 and ADS1115 channels as polled sensor entities. */
import { z } from 'zod';
import { definePlugin, entityBaseOf, type EntityHandle, type I2cBus, type PluginContext } from '../../core/plugin-api.js';
import { createErrorStreak, createReadingFilter } from '../_lib/sensor.js';
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
  const streak = createErrorStreak(device.errorsBeforeUnavailable);
  let read: (() => Promise<Record<string, number>>) | undefined;
  let busy = false;

  const poll = async (): Promise<void> => {
    if (busy) return; // a slow bus must not pile up reads
    busy = true;
    try {
      read ??= await reader.open(bus);
      const values = await read();
      const recovered = streak.success();
      for (const s of sensors) {
        const value = s.filter(values[s.key]!);
        if (recovered) s.entity.setAvailable(true);
        if (value !== undefined) s.entity.setState(value);
      }
    } catch (err) {
      read = undefined; // reopen next time: the chip may have been power-cycled
      ctx.log.warn({ err: (err as Error).message, chip: device.chip, address: device.address }, 'read failed');
      if (streak.failure()) for (const s of sensors) s.entity.setAvailable(false);
    } finally {
      busy = false;
    }
  };
  ctx.timers.setInterval(poll, device.intervalS * 1000);
  void poll();
}

export default definePlugin<ClimateConfig>({
  manifest: {
    id: 'climate-i2c',
    name: 'I2C climate sensors',
    version: '1.0.0',
    apiVersion: 1,
    description: 'BME280, SHT31, BH1750 and ADS1115 readings as sensor entities, calibrated and de-noised.',
    configSchema: z.toJSONSchema(climateConfigSchema, { io: 'input' }),
  },
  setup(ctx) {
    const config = climateConfigSchema.parse(ctx.config);
    const bus = ctx.hardware.i2c(config.bus);
    for (const device of config.devices) addDevice(ctx, bus, device);
  },
});

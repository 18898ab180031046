/**
 * `thermostat`: heating zones, each a `climate` entity regulating one room from its
 * temperature sensor through a relay (a `switch` another plugin owns) or a fil pilote
 * radiator on two lines — presets, boost, a schedule, window and sensor-loss cut-offs.
 */
import { definePlugin } from '../../core/plugin-api.js';
import { filPiloteOutput, relayOutput } from './outputs.js';
import { thermostatConfigSchema } from './schema.js';
import { startZone } from './zone.js';

export default definePlugin({
  manifest: {
    id: 'thermostat',
    name: 'Thermostat',
    version: '1.0.0',
    apiVersion: 1,
    description: 'Heating zones: a relay or a fil pilote radiator regulated from a temperature sensor, with presets, a schedule and safety cut-offs.',
  },
  config: thermostatConfigSchema,
  setup(ctx) {
    for (const zone of ctx.config.zones) {
      const output = 'heater' in zone ? relayOutput(ctx, zone.heater) : filPiloteOutput(ctx, zone.id, zone.filPilote);
      startZone(ctx, zone, output);
    }
  },
});

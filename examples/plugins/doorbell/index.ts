/**
 * A complete example plugin (docs/plugins.md walks through it): a doorbell button on an
 * input line becomes a `binary_sensor` and fires a `doorbell_pressed` event that
 * automations can trigger on. Outside this repository, import from 'hearth/plugin-api'.
 */
import { z } from 'zod';
import { definePlugin, entityBaseOf, entityBaseSchema, entityIdSchema } from '../../../core/plugin-api.js';

const configSchema = z.strictObject({
  /** BCM number of the input line the button pulls. */
  line: z.number().int().min(0).max(27),
  id: entityIdSchema('binary_sensor').default('binary_sensor.doorbell'),
  /** name, area, allowedRoles, hidden, icon: the keys every entity takes. */
  ...entityBaseSchema.shape,
  name: z.string().default('Doorbell'),
  /** A button to ground with a pull-up reads low when pressed. */
  inverted: z.boolean().default(false),
  debounceMs: z.number().int().min(0).max(1000).default(50),
  /** Presses closer together than this ring once: an impatient visitor is still one visitor. */
  cooldownS: z.number().min(0).max(600).default(5),
});

export default definePlugin({
  manifest: {
    id: 'doorbell',
    name: 'Doorbell',
    version: '1.0.0',
    apiVersion: 1,
    description: 'A push button as a binary sensor plus a doorbell_pressed event.',
  },
  config: configSchema,
  async setup(ctx) {
    const { config } = ctx;
    const button = ctx.hardware.gpio.open(config.line, { direction: 'in', edge: 'both', activeLow: config.inverted, debounceMs: config.debounceMs });
    const entity = ctx.entities.add({ id: config.id, ...entityBaseOf(config), attributes: { deviceClass: 'occupancy' } });
    let lastRing = -Infinity;
    button.watch((pressed, atMs) => {
      entity.setState(pressed ? 'on' : 'off');
      if (!pressed || atMs - lastRing < config.cooldownS * 1000) return;
      lastRing = atMs;
      ctx.events.fire('doorbell_pressed', { entityId: config.id });
      ctx.log.info('ding dong');
    });
    entity.setState((await button.read()) ? 'on' : 'off');
  },
});

/** `pwm-light`: dimmable lights on PCA9685 channels or the Pi's own PWM, gamma-corrected, with background fades. */
import { z } from 'zod';
import { definePlugin, entityBaseOf, entityBaseSchema, entityIdSchema, type PluginContext, type PwmChannel, type PwmSpec, type TimerHandle } from '../../core/plugin-api.js';
import { sysfsPwmSpecSchema } from '../../hardware/index.js';
import { dutyFor, fadeLevel } from './fade.js';

const lightSchema = z
  .strictObject({
    id: entityIdSchema('light'),
    ...entityBaseSchema.shape,
    /** A channel of the PCA9685 at `bus`/`address`… */
    channel: z.number().int().min(0).max(15).optional(),
    /** …or a channel of the Pi's own PWM: `{ chip: sysfs, pwmchip: 0, channel: 0, frequencyHz, polarity }`. */
    pwm: sysfsPwmSpecSchema.optional(),
  })
  .refine((light) => (light.channel === undefined) !== (light.pwm === undefined), {
    message: "give either channel (a PCA9685 channel) or pwm (the Pi's own PWM: { chip: sysfs, channel })",
  });

export const pwmLightConfigSchema = z.strictObject({
  bus: z.number().int().min(0).default(1),
  address: z.number().int().min(0x40).max(0x7f).default(0x40),
  frequencyHz: z.number().min(24).max(1526).default(1000),
  /** 2.2 suits most LED drivers; 1 is linear. */
  gamma: z.number().min(1).max(4).default(2.2),
  lights: z.array(lightSchema).min(1),
});
type PwmLightConfig = z.infer<typeof pwmLightConfigSchema>;
type LightConfig = z.infer<typeof lightSchema>;

export function pwmSpecOf(config: PwmLightConfig, light: LightConfig): PwmSpec {
  // The schema lets a light have exactly one of the two.
  return light.pwm ?? { chip: 'pca9685', bus: config.bus, address: config.address, channel: light.channel ?? 0, frequencyHz: config.frequencyHz };
}

/** How often a fade updates the duty: smooth to the eye, light on the bus. */
const FADE_STEP_MS = 40;

function addLight(ctx: PluginContext<PwmLightConfig>, channel: PwmChannel, gamma: number, def: LightConfig): void {
  const memoryKey = `last:${def.id}`;
  let level = 0;
  let fade: TimerHandle | undefined;
  const apply = (brightness: number): Promise<void> => channel.set(dutyFor(brightness, gamma));

  async function goTo(target: number, transitionMs = 0): Promise<void> {
    fade?.cancel();
    fade = undefined;
    if (target > 0) ctx.storage.set(memoryKey, target);
    entity.setState(target > 0 ? 'on' : 'off', { brightness: Math.round(target) });
    if (transitionMs === 0) {
      level = target;
      return apply(target);
    }
    const from = level;
    const startedAt = Date.now();
    fade = ctx.timers.setInterval(async () => {
      const elapsed = Date.now() - startedAt;
      level = fadeLevel(from, target, elapsed, transitionMs);
      if (elapsed >= transitionMs) {
        fade?.cancel();
        fade = undefined;
      }
      await apply(level);
    }, FADE_STEP_MS);
  }

  const entity = ctx.entities.add({
    id: def.id,
    ...entityBaseOf(def),
    commands: {
      turn_on: (p) => goTo(p.brightness ?? ctx.storage.get<number>(memoryKey) ?? 100, p.transitionMs),
      turn_off: (p) => goTo(0, p.transitionMs),
    },
  });
  entity.setState('off', { brightness: 0 });
}

export default definePlugin({
  manifest: {
    id: 'pwm-light',
    name: 'PWM dimmers',
    version: '1.0.0',
    apiVersion: 1,
    description: "Dimmable lights on PCA9685 channels or the Pi's own PWM, with a perceptual brightness curve and fades.",
  },
  config: pwmLightConfigSchema,
  outputs: (config) => config.lights.map((def) => ({ kind: 'pwm', pwm: pwmSpecOf(config, def) })),
  async setup(ctx) {
    const { config } = ctx;
    // The hub owns the channels: it darkens them on stop, on a crash and from `hearth release-outputs`.
    const channels = config.lights.map((def) => ctx.hardware.pwm.open(pwmSpecOf(config, def)));
    for (const channel of channels) await channel.set(0); // a chip that does not answer fails setup here
    config.lights.forEach((def, i) => addLight(ctx, channels[i]!, config.gamma, def));
  },
});

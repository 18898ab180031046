/** `fan`: fans with speed control on a PWM output (the Pi's own PWM or a PCA9685 channel). */
import { z } from 'zod';
import { definePlugin, entityBaseOf, entityBaseSchema, entityIdSchema, type PluginContext, type PwmChannel } from '../../core/plugin-api.js';
import { pwmSpecSchema } from '../../hardware/index.js';
import { dutyForPercentage } from './speed.js';

const fanSchema = z
  .strictObject({
    id: entityIdSchema('fan'),
    ...entityBaseSchema.shape,
    /** `{ chip: sysfs, pwmchip: 0, channel: 0, frequencyHz: 25000 }` for a 4-wire PC fan on GPIO 18. */
    pwm: pwmSpecSchema,
    /** The lowest duty the motor turns at: 1 % is this. */
    minDuty: z.number().min(0).max(1).default(0.2),
    maxDuty: z.number().min(0).max(1).default(1),
  })
  .refine((fan) => fan.minDuty < fan.maxDuty, { message: 'minDuty must be below maxDuty' });

export const fanConfigSchema = z.strictObject({ fans: z.array(fanSchema).min(1) });
type FanConfig = z.infer<typeof fanSchema>;

function addFan(ctx: PluginContext<z.infer<typeof fanConfigSchema>>, channel: PwmChannel, def: FanConfig): void {
  const memoryKey = `last:${def.id}`;
  const setSpeed = async (percentage: number): Promise<void> => {
    await channel.set(dutyForPercentage(percentage, def.minDuty, def.maxDuty));
    if (percentage > 0) ctx.storage.set(memoryKey, percentage);
    entity.setState(percentage > 0 ? 'on' : 'off', { percentage });
  };
  const entity = ctx.entities.add({
    id: def.id,
    ...entityBaseOf(def),
    commands: {
      turn_on: (p) => setSpeed(p.percentage ?? ctx.storage.get<number>(memoryKey) ?? 100),
      turn_off: () => setSpeed(0),
      set_percentage: (p) => setSpeed(p.percentage),
    },
  });
  entity.setState('off', { percentage: 0 });
}

export default definePlugin({
  manifest: {
    id: 'fan',
    name: 'PWM fans',
    version: '1.0.0',
    apiVersion: 1,
    description: "Fans with speed control on the Pi's own PWM or a PCA9685 channel; off on every exit.",
  },
  config: fanConfigSchema,
  outputs: (config) => config.fans.map((def) => ({ kind: 'pwm', pwm: def.pwm })),
  async setup(ctx) {
    // The hub owns the channels: it stops the fans on stop, on a crash and from `hearth release-outputs`.
    const channels = ctx.config.fans.map((def) => ctx.hardware.pwm.open(def.pwm));
    for (const channel of channels) await channel.set(0); // a channel that cannot be set up fails setup here
    ctx.config.fans.forEach((def, i) => addFan(ctx, channels[i]!, def));
  },
});

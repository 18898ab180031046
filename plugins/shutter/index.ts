/** `shutter`: a cover on two relays (or power + direction), with interlock, dead time and position estimate. */
import { definePlugin, entityBaseOf, type LineSpec, type PluginContext } from '../../core/plugin-api.js';
import { createShutterController } from './controller.js';
import { powerDirectionDrive, twoRelayDrive, type MotorDrive } from './relays.js';
import { shutterConfigSchema, type ShutterConfig, type ShutterEntityConfig } from './schema.js';

async function openDrive(ctx: PluginContext<ShutterConfig>, def: ShutterEntityConfig): Promise<MotorDrive> {
  const name = def.name ?? def.id;
  const output = async (spec: LineSpec, role: string) => {
    const line = ctx.hardware.gpio.open(spec, { direction: 'out', activeLow: def.activeLow, initial: 0, label: `${name} ${role}` });
    await line.read(); // an expander that does not answer fails setup here, before any relay moves
    return line;
  };
  if ('upLine' in def) return twoRelayDrive(await output(def.upLine, 'up'), await output(def.downLine, 'down'));
  return powerDirectionDrive(await output(def.powerLine, 'power'), await output(def.directionLine, 'direction'), def.directionUpLevel);
}

export default definePlugin({
  manifest: {
    id: 'shutter',
    name: 'Shutters',
    version: '1.0.0',
    apiVersion: 1,
    description: 'Roller shutters on relays: interlocked, with reversal dead time and a position estimated from travel times.',
  },
  config: shutterConfigSchema,
  outputs: (config) =>
    config.entities.flatMap((def) =>
      ('upLine' in def ? [def.upLine, def.downLine] : [def.powerLine, def.directionLine]).map((line) => ({ kind: 'line' as const, line, activeLow: def.activeLow })),
    ),
  async setup(ctx) {
    for (const def of ctx.config.entities) {
      const drive = await openDrive(ctx, def);
      const entity = ctx.entities.add({
        id: def.id,
        ...entityBaseOf(def),
        commands: {
          open: () => controller.moveTo(100),
          close: () => controller.moveTo(0),
          stop: () => controller.stop(),
          set_position: (params) => controller.moveTo(params.position),
        },
      });
      const controller = createShutterController({
        entity,
        drive,
        timers: ctx.timers,
        storage: ctx.storage,
        deadTimeMs: def.deadTimeMs,
        travel: { upMs: def.travelUpS * 1000, downMs: def.travelDownS * 1000, runOnMs: def.runOnS * 1000, startDelayMs: def.motorStartDelayMs },
      });
      ctx.onStop(() => controller.shutdown());
    }
  },
});

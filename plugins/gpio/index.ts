/** `gpio`: binary sensors on input lines; switches and lights on output lines. */
import { definePlugin, entityBaseOf, type PluginContext } from '../../core/plugin-api.js';
import { gpioConfigSchema, type BinarySensorConfig, type GpioConfig, type OutputConfig } from './schema.js';

async function addBinarySensor(ctx: PluginContext<GpioConfig>, def: BinarySensorConfig): Promise<void> {
  const line = ctx.hardware.gpio.open(def.line, {
    direction: 'in',
    edge: 'both',
    debounceMs: def.debounceMs,
    activeLow: def.inverted,
    ...(def.bias && { bias: def.bias }),
    label: def.name ?? def.id,
  });
  const entity = ctx.entities.add({
    id: def.id,
    ...entityBaseOf(def),
    attributes: def.deviceClass ? { deviceClass: def.deviceClass } : {},
  });
  line.watch((value) => entity.setState(value ? 'on' : 'off'));
  entity.setState((await line.read()) ? 'on' : 'off');
}

async function addOutput(ctx: PluginContext<GpioConfig>, def: OutputConfig): Promise<void> {
  const key = `state:${def.id}`;
  const initial = def.restore === 'last' && ctx.storage.get<'on' | 'off'>(key) === 'on' ? 1 : 0;
  const line = ctx.hardware.gpio.open(def.line, { direction: 'out', activeLow: def.activeLow, initial, label: def.name ?? def.id });
  await line.read(); // an expander that does not answer fails setup here, not at the first command
  const set = async (on: boolean): Promise<void> => {
    await line.write(on ? 1 : 0);
    ctx.storage.set(key, on ? 'on' : 'off');
    entity.setState(on ? 'on' : 'off');
  };
  const entity = ctx.entities.add({
    id: def.id,
    ...entityBaseOf(def),
    commands: { turn_on: () => set(true), turn_off: () => set(false) },
  });
  entity.setState(initial ? 'on' : 'off');
}

export default definePlugin({
  manifest: {
    id: 'gpio',
    name: 'GPIO',
    version: '1.0.0',
    apiVersion: 1,
    description: 'Binary sensors on input lines; switches and lights on relay outputs (header or MCP23017).',
  },
  config: gpioConfigSchema,
  async setup(ctx) {
    for (const def of ctx.config.entities) {
      // Only an input entry has `inverted` (defaulted, so always present).
      if ('inverted' in def) await addBinarySensor(ctx, def);
      else await addOutput(ctx, def);
    }
  },
  outputs: (config) =>
    config.entities.flatMap((def) => ('inverted' in def ? [] : [{ kind: 'line' as const, line: def.line, activeLow: def.activeLow }])),
  inputs: (config) => config.entities.flatMap((def) => ('inverted' in def ? [{ line: def.line, name: def.id, ...(def.bias && { bias: def.bias }) }] : [])),
});

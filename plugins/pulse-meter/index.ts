/**
 * `pulse-meter`: energy, water and gas meters read from their pulse outputs on input
 * lines. The count is saved every `commitIntervalS` and the total shown only once saved,
 * so a restart (even a `kill -9`) never shows a total below one shown before.
 */
import { definePlugin, entityBaseOf, type EntityHandle, type PluginContext } from '../../core/plugin-api.js';
import { countPulse, ratePerHour, totalOf, type PulseState } from './counting.js';
import { KINDS, pulseMeterConfigSchema, type MeterConfig, type PulseMeterConfig } from './schema.js';

interface Meter {
  /** Saves the count when it moved, then shows the saved total. */
  commit(): void;
  /** Shows the rate as of now (decaying while no pulse comes). */
  showRate(): void;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

async function startMeter(ctx: PluginContext<PulseMeterConfig>, def: MeterConfig): Promise<Meter> {
  const kind = KINDS[def.kind];
  const key = `pulses:${def.id}`;
  let state: PulseState = { pulses: ctx.storage.get<number>(key) ?? 0 };
  let saved = state.pulses;
  const base = entityBaseOf(def);
  const total = ctx.entities.add({
    id: def.id,
    ...base,
    attributes: { unit: kind.unit, deviceClass: kind.deviceClass, stateClass: 'total_increasing', pulsesPerUnit: def.pulsesPerUnit },
  });
  const rate: EntityHandle = ctx.entities.add({
    id: `${def.id}_${kind.rateSuffix}`,
    ...base,
    ...(def.name && { name: `${def.name} ${kind.rateSuffix}` }),
    attributes: { unit: kind.rateUnit, deviceClass: kind.rateClass, stateClass: 'measurement' },
  });
  const line = ctx.hardware.gpio.open(def.line, {
    direction: 'in',
    edge: def.edge,
    debounceMs: def.debounceMs,
    ...(def.bias && { bias: def.bias }),
    label: def.name ?? def.id,
  });
  await line.read(); // an expander that does not answer fails setup here, not at the first pulse
  const showRate = () => rate.setState(round(ratePerHour(state, Date.now(), def.pulsesPerUnit, def.idleAfterS * 1000) * kind.ratePerUnitPerHour, 3));
  line.watch((_level, atMs) => {
    state = countPulse(state, atMs);
    showRate();
  });
  total.setState(totalOf(saved, def.pulsesPerUnit, def.offset));
  showRate();
  return {
    commit() {
      if (state.pulses !== saved) {
        ctx.storage.set(key, state.pulses);
        ctx.storage.flush();
        saved = state.pulses;
      }
      total.setState(totalOf(saved, def.pulsesPerUnit, def.offset));
    },
    showRate,
  };
}

export default definePlugin({
  manifest: {
    id: 'pulse-meter',
    name: 'Pulse meters',
    version: '1.0.0',
    apiVersion: 1,
    description: 'Electricity, water and gas meters read from their pulse outputs (S0, reed switch, optical) on input lines.',
  },
  config: pulseMeterConfigSchema,
  async setup(ctx) {
    const meters: Meter[] = [];
    for (const def of ctx.config.meters) meters.push(await startMeter(ctx, def));
    const commitAll = () => meters.forEach((m) => m.commit());
    ctx.timers.setInterval(commitAll, ctx.config.commitIntervalS * 1000);
    ctx.timers.setInterval(() => meters.forEach((m) => m.showRate()), ctx.config.rateIntervalS * 1000);
    ctx.onStop(commitAll);
  },
  inputs: (config) => config.meters.map((m) => ({ line: m.line, name: m.id, ...(m.bias && { bias: m.bias }) })),
});

/** The two ways a zone heats: a relay another plugin owns, or a pilot wire on two lines. */
import type { PluginContext, TimerHandle } from '../../core/plugin-api.js';
import { filPiloteLevels, pulseMsOf, PULSE_CYCLE_MS, type FilPiloteLevels, type FilPiloteOrder } from './fil-pilote.js';
import type { FilPiloteConfig } from './schema.js';

/** What the zone asks of its output: heat, or not heating as `frost` (idle, a cut-off) or `off` (the user's off). */
export type OutputCommand = 'heat' | 'frost' | 'off';

export interface HeaterOutput {
  /** Whether it heats now, as last confirmed. */
  heating(): boolean;
  /** Idempotent: does nothing when the output already does this. */
  apply(command: OutputCommand): Promise<void>;
  /** Entities whose changes the zone must hear of (the relay's switch), to track switches it did not make. */
  readonly watches: readonly string[];
}

/** A `switch` entity: on heats; frost and off both release it. */
export function relayOutput(ctx: PluginContext<unknown>, heaterId: string): HeaterOutput {
  const heating = () => ctx.states.get(heaterId)?.state === 'on';
  return {
    heating,
    watches: [heaterId],
    async apply(command) {
      const on = command === 'heat';
      const current = ctx.states.get(heaterId);
      if (current?.available && current.state === (on ? 'on' : 'off')) return;
      await ctx.commands.run(heaterId, on ? 'turn_on' : 'turn_off');
    },
  };
}

/**
 * A radiator on a pilot wire. Until the zone decides, and whenever it is not heating,
 * the wire says frost (or off); comfort −1 / −2 repeat their full-sine pulse every cycle.
 */
export function filPiloteOutput(ctx: PluginContext<unknown>, zoneId: string, config: FilPiloteConfig): HeaterOutput {
  const initial = filPiloteLevels('frost');
  const positive = ctx.hardware.gpio.open(config.positiveLine, { direction: 'out', initial: initial.positive, label: `${zoneId} fil pilote +` });
  const negative = ctx.hardware.gpio.open(config.negativeLine, { direction: 'out', initial: initial.negative, label: `${zoneId} fil pilote −` });
  let order: FilPiloteOrder = 'frost';
  let cycle: TimerHandle | undefined;
  let pulseEnd: TimerHandle | undefined;

  const write = async (levels: FilPiloteLevels): Promise<void> => {
    await positive.write(levels.positive);
    await negative.write(levels.negative);
  };
  const stopPulses = (): void => {
    cycle?.cancel();
    pulseEnd?.cancel();
    cycle = pulseEnd = undefined;
  };
  /** The full sine for the pulse's length, then no signal until the next cycle. */
  const pulse = async (pulsed: FilPiloteOrder, pulseMs: number): Promise<void> => {
    await write(filPiloteLevels(pulsed, 0));
    pulseEnd = ctx.timers.setTimeout(() => write(filPiloteLevels(pulsed, pulseMs)), pulseMs);
  };

  return {
    heating: () => order === config.heatOrder,
    watches: [],
    async apply(command) {
      const next: FilPiloteOrder = command === 'heat' ? config.heatOrder : command;
      if (next === order) return;
      stopPulses();
      order = next;
      const pulseMs = pulseMsOf(next);
      if (pulseMs === undefined) return write(filPiloteLevels(next));
      cycle = ctx.timers.setInterval(() => pulse(next, pulseMs), PULSE_CYCLE_MS);
      await pulse(next, pulseMs);
    },
  };
}

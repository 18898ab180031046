import type { PluginTimers, SimBoard, TimerHandle } from '../../core/plugin-api.js';
import type { DemoHouseConfig } from './schema.js';
import { draw, recurring } from './script.js';

/** How long the reed contact stays closed per pulse: well over any sensible debounce. */
const CONTACT_MS = 200;

/**
 * The house's water meter: now and then someone draws water (a shower, the dishwasher,
 * a tap) at a flow drawn from `flowLMin`; its dial closes a reed contact to ground once
 * per `litresPerPulse` (read it with `use: pulse-meter`, `bias: pull-up`).
 */
export function startDemoWaterMeter(sim: SimBoard, timers: PluginTimers, config: NonNullable<DemoHouseConfig['waterMeter']>): () => void {
  const { line, litresPerPulse } = config;
  sim.drive(line, 1); // contact open
  let next: TimerHandle | undefined;
  const pulseEvery = (periodMs: number): void => {
    next = timers.setTimeout(() => {
      sim.drive(line, 0);
      timers.setTimeout(() => sim.drive(line, 1), CONTACT_MS);
      pulseEvery(periodMs);
    }, periodMs);
  };
  recurring(
    timers,
    config.everyS,
    () => {
      const [low, high] = config.flowLMin;
      const flowLMin = low + (high - low) * Math.random();
      pulseEvery((litresPerPulse / flowLMin) * 60_000);
      return draw(config.lastsS);
    },
    () => next?.cancel(),
  );
  return () => next?.cancel();
}

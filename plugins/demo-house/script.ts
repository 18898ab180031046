import type { PluginTimers, SimBoard } from '../../core/plugin-api.js';

/** A wait drawn uniformly from [min, max] seconds, in ms. */
export function draw([min, max]: readonly [number, number], random: () => number = Math.random): number {
  return (min + (max - min) * random()) * 1000;
}

/**
 * Repeats `happen` after random waits, forever: the pulse of a lived-in house. `happen`
 * returns how long the episode lasts; `end` runs after it.
 */
export function recurring(timers: PluginTimers, every: readonly [number, number], happen: () => number, end: () => void): void {
  const next = (): void => {
    timers.setTimeout(() => {
      timers.setTimeout(() => {
        end();
        next();
      }, happen());
    }, draw(every));
  };
  next();
}

/** Pulses an input line high for `holdMs` (a PIR output, a reed contact while the door is open). */
export function pulseLine(sim: SimBoard, line: number, holdMs: number): () => number {
  return () => {
    sim.drive(line, 1);
    return holdMs;
  };
}

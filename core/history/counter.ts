/**
 * Pure: consumption of a counter (a `total_increasing` meter index) from its readings.
 * A reading well below the previous one is a reset or a replaced meter, never negative
 * consumption: the new reading counts as consumed since 0. A dip of under 10% is not a
 * reset but a glitch (float noise, a re-sent older index, a simulated past the live start
 * does not continue): it counts nothing, where a reset would count the whole index again.
 */
export interface Reading {
  ms: number;
  value: number;
}

/** A reading below this share of the previous one is a reset (Home Assistant's rule too). */
export const RESET_RATIO = 0.9;

/** Consumption between two readings; the very first reading (no previous) starts the count at 0. */
export function increase(previous: number | undefined, value: number): number {
  if (previous === undefined) return 0;
  if (value >= previous) return value - previous;
  return value < previous * RESET_RATIO ? Math.max(0, value) : 0;
}

/**
 * Consumption per window (keyed by window start, windows of `step` ms) of `readings`,
 * sorted by time; `previous` is the last reading before the first of them.
 * Each change belongs to the window of the reading that shows it.
 */
export function windowChanges(previous: number | undefined, readings: readonly Reading[], step: number): Map<number, number> {
  const changes = new Map<number, number>();
  let last = previous;
  for (const { ms, value } of readings) {
    const start = Math.floor(ms / step) * step;
    changes.set(start, (changes.get(start) ?? 0) + increase(last, value));
    last = value;
  }
  return changes;
}

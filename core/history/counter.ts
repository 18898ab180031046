/**
 * Pure: consumption of a counter (a `total_increasing` meter index) from its readings.
 * A reading below the previous one is a reset or a replaced meter, never negative
 * consumption: the new reading counts as consumed since 0.
 */
export interface Reading {
  ms: number;
  value: number;
}

/** Consumption between two readings; the very first reading (no previous) starts the count at 0. */
export function increase(previous: number | undefined, value: number): number {
  if (previous === undefined) return 0;
  return value >= previous ? value - previous : value;
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

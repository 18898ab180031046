/** Pure: per-window share of time "on" for an on/off entity (1 = on, 0 = off, null = unknown). */
export interface StatRow {
  start: number;
  mean: number;
  min: number;
  max: number;
  count: number;
  /** Counters only: consumption in the row (see counter.ts). */
  change?: number;
  /** Counters only: running total of `change` at the row's end. */
  sum?: number;
}

export interface Change {
  ms: number;
  value: number | null;
}

/**
 * `initial` is the value in force at `from`; `changes` are sorted and inside
 * [from, to). Windows where the state was unknown throughout yield no row.
 * Unknown time counts as not on.
 */
export function shareOfTimeOn(initial: number | null, changes: readonly Change[], from: number, to: number, step: number): StatRow[] {
  const rows: StatRow[] = [];
  let current = initial;
  let i = 0;
  for (let start = from; start < to; start += step) {
    const end = start + step;
    let onMs = 0;
    let at = start;
    let count = 0;
    const seen = new Set<number>();
    if (current !== null) seen.add(current);
    for (; i < changes.length && changes[i]!.ms < end; i++) {
      const change = changes[i]!;
      if (current === 1) onMs += change.ms - at;
      at = change.ms;
      current = change.value;
      if (current !== null) seen.add(current);
      count++;
    }
    if (current === 1) onMs += end - at;
    if (seen.size === 0) continue;
    rows.push({ start, mean: onMs / step, min: Math.min(...seen), max: Math.max(...seen), count });
  }
  return rows;
}

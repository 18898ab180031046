/** A counter's consumption per hour, from its hourly statistics (the `total_increasing` meters). */

export interface Slot {
  start: number;
  end: number;
  /** kWh or m³ consumed in [start, end). */
  amount: number;
}

export interface CounterRow {
  start: number;
  min: number;
  max: number;
  /** The change over the row when the statistics carry it (meter resets already handled). */
  change?: number;
}

const HOUR_MS = 3_600_000;

/**
 * Consumption per hour: the row's own `change` when present, else the rise of its
 * maximum over the previous hour's. A drop is a reset or a new meter, never negative
 * consumption: that hour counts only what the new index rose within it.
 */
export function hourlySlots(rows: readonly CounterRow[], previousMax?: number): Slot[] {
  let last = previousMax;
  return rows.map((r) => {
    const amount = r.change ?? (last === undefined || r.max < last ? r.max - r.min : r.max - last);
    last = r.max;
    return { start: r.start, end: r.start + HOUR_MS, amount };
  });
}

/** Index of the first slot starting at or after `ms` (slots sorted by start). */
export function firstSlotFrom(slots: readonly Slot[], ms: number): number {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (slots[mid]!.start < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

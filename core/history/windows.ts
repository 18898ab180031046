/**
 * 5-minute statistics of one entity computed from its raw rows: what the rollup
 * stores, and what queries compute on the fly for the span not yet rolled up.
 */
import type { SqlConnection } from '../db/index.js';
import { windowChanges, type Reading } from './counter.js';
import type { EntityRef } from './dictionary.js';
import { FIVE_MINUTES_MS, HOUR_MS, RANGE_ROWS, rangeParams } from './keys.js';
import { createRawReader } from './raw.js';
import { shareOfTimeOn, type StatRow } from './share.js';

/** Rows of the 5-minute windows in [from, to) (both multiples of five minutes); none for text entities. */
export type WindowStats = (entity: EntityRef, from: number, to: number) => StatRow[];

export function createWindowStats(sqlite: SqlConnection): WindowStats {
  const raw = createRawReader(sqlite);
  const numeric = sqlite.prepare(
    `SELECT ms / ${FIVE_MINUTES_MS} * ${FIVE_MINUTES_MS} AS start, avg(value) AS mean, min(value) AS min, max(value) AS max, count(value) AS count
     FROM (${RANGE_ROWS}) WHERE value IS NOT NULL GROUP BY start ORDER BY start`,
  );
  const readings = sqlite.prepare(`SELECT ms, value FROM (${RANGE_ROWS}) WHERE value IS NOT NULL ORDER BY ms`);
  const lastSum = sqlite.prepare('SELECT start, sum FROM statistics WHERE entity = ? AND period = ? AND start < ? AND sum IS NOT NULL ORDER BY start DESC LIMIT 1');

  /** The running sum before `ms`: from the latest stored 5-minute row, or hour row once those are purged. */
  function sumBefore(entity: number, ms: number): number {
    const rows = [FIVE_MINUTES_MS, HOUR_MS].map((period) => lastSum.get<{ start: number; sum: number }>(entity, period, ms));
    const latest = rows.reduce((a, b) => (!a || (b && b.start > a.start) ? b : a));
    return latest?.sum ?? 0;
  }

  function withChanges(entity: number, rows: StatRow[], from: number, to: number): StatRow[] {
    const previous = raw.lastValueAt(entity, from - 1);
    const changes = windowChanges(previous, readings.all<Reading & Record<string, number>>(...rangeParams(entity, from, to - 1)), FIVE_MINUTES_MS);
    let sum = sumBefore(entity, from);
    return rows.map((r) => {
      const change = changes.get(r.start) ?? 0;
      sum += change;
      return { ...r, change, sum };
    });
  }

  return ({ id, kind, counter }, from, to) => {
    if (from >= to || kind === 'text') return [];
    if (kind === 'numeric') {
      const rows = numeric.all<StatRow & Record<string, number>>(...rangeParams(id, from, to - 1));
      return counter ? withChanges(id, rows, from, to) : rows;
    }
    const initial = raw.lastAt(id, from - 1)?.value ?? null;
    return shareOfTimeOn(initial, raw.rows(id, from, to - 1), from, to, FIVE_MINUTES_MS);
  };
}

/** Rows merged into coarser ones (hours, days): on/off means average, numeric means weight by count; counters add up their changes. */
export function regroup(rows: readonly StatRow[], bucketOf: (start: number) => number, onOff: boolean): StatRow[] {
  const groups = new Map<number, StatRow[]>();
  for (const r of rows) {
    const bucket = bucketOf(r.start);
    groups.set(bucket, [...(groups.get(bucket) ?? []), r]);
  }
  return [...groups].map(([start, list]) => {
    const count = list.reduce((n, r) => n + r.count, 0);
    const mean = onOff || count === 0 ? list.reduce((s, r) => s + r.mean, 0) / list.length : list.reduce((s, r) => s + r.mean * r.count, 0) / count;
    const merged: StatRow = { start, mean, min: Math.min(...list.map((r) => r.min)), max: Math.max(...list.map((r) => r.max)), count };
    const last = list.at(-1)!;
    if (typeof last.sum !== 'number') return merged;
    return { ...merged, change: list.reduce((s, r) => s + (r.change ?? 0), 0), sum: last.sum };
  });
}

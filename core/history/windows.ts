/**
 * 5-minute statistics of one entity computed from its raw rows: what the rollup
 * stores, and what queries compute on the fly for the span not yet rolled up.
 */
import type { SqlConnection } from '../db/index.js';
import type { EntityKind } from './kinds.js';
import { FIVE_MINUTES_MS, RANGE_ROWS, rangeParams } from './keys.js';
import { createRawReader } from './raw.js';
import { shareOfTimeOn, type StatRow } from './share.js';

/** Rows of the 5-minute windows in [from, to) (both multiples of five minutes); none for text entities. */
export type WindowStats = (entity: number, kind: EntityKind, from: number, to: number) => StatRow[];

export function createWindowStats(sqlite: SqlConnection): WindowStats {
  const raw = createRawReader(sqlite);
  const numeric = sqlite.prepare(
    `SELECT ms / ${FIVE_MINUTES_MS} * ${FIVE_MINUTES_MS} AS start, avg(value) AS mean, min(value) AS min, max(value) AS max, count(value) AS count
     FROM (${RANGE_ROWS}) WHERE value IS NOT NULL GROUP BY start ORDER BY start`,
  );
  return (entity, kind, from, to) => {
    if (from >= to || kind === 'text') return [];
    if (kind === 'numeric') return numeric.all<StatRow & Record<string, number>>(...rangeParams(entity, from, to - 1));
    const initial = raw.lastAt(entity, from - 1)?.value ?? null;
    return shareOfTimeOn(initial, raw.rows(entity, from, to - 1), from, to, FIVE_MINUTES_MS);
  };
}

/** Rows merged into coarser ones (hours, days): on/off means average, numeric means weight by count. */
export function regroup(rows: readonly StatRow[], bucketOf: (start: number) => number, onOff: boolean): StatRow[] {
  const groups = new Map<number, StatRow[]>();
  for (const r of rows) {
    const bucket = bucketOf(r.start);
    groups.set(bucket, [...(groups.get(bucket) ?? []), r]);
  }
  return [...groups].map(([start, list]) => {
    const count = list.reduce((n, r) => n + r.count, 0);
    const mean = onOff || count === 0 ? list.reduce((s, r) => s + r.mean, 0) / list.length : list.reduce((s, r) => s + r.mean * r.count, 0) / count;
    return { start, mean, min: Math.min(...list.map((r) => r.min)), max: Math.max(...list.map((r) => r.max)), count };
  });
}

/**
 * Statistics rollups (DESIGN §9): 5-minute rows from raw states, hourly rows from
 * the 5-minute ones. Progress is kept in `meta`, so a restart catches up where it
 * stopped; each step covers at most one hour so the hub stays responsive.
 */
import type { SqlConnection } from '../db/index.js';
import type { EntityKind } from './kinds.js';
import { ENTITY_BITS, FIVE_MINUTES_MS, floorTo, HOUR_MS, KEY_RANGE, MS_MASK } from './keys.js';
import { createMeta } from './meta.js';
import { createWindowStats } from './windows.js';

export interface Rollup {
  /** Rolls up at most one hour of complete 5-minute windows before `untilMs`; false when there was nothing to do. */
  step(untilMs: number): boolean;
  /** Raw states before this are summarised in 5-minute statistics. */
  doneUntil(): number;
}

export function createRollup(sqlite: SqlConnection): Rollup {
  const meta = createMeta(sqlite);
  const entities = sqlite.prepare(`SELECT id, kind, counter FROM history_entities WHERE kind IN ('numeric', 'onoff')`);
  const windows = createWindowStats(sqlite);
  const firstKey = sqlite.prepare(`SELECT min(key) & ${MS_MASK} AS ms FROM states WHERE ${KEY_RANGE}`);
  const firstStaged = sqlite.prepare(`SELECT min(key) >> ${ENTITY_BITS} AS ms FROM states_staged`);
  const insert = sqlite.prepare(`INSERT OR REPLACE INTO statistics (entity, period, start, mean, min, max, count, change, sum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // on/off hours average their 5-minute shares; numeric hours weight each 5-minute mean by its count;
  // counter hours add up their changes and end on their last 5-minute sum
  const hourly = sqlite.prepare(
    `INSERT OR REPLACE INTO statistics (entity, period, start, mean, min, max, count, change, sum)
     SELECT s.entity, ${HOUR_MS}, s.start / ${HOUR_MS} * ${HOUR_MS} AS h,
       CASE e.kind WHEN 'onoff' THEN avg(s.mean) ELSE sum(s.mean * s.count) / sum(s.count) END,
       min(s.min), max(s.max), sum(s.count),
       CASE WHEN e.counter THEN total(s.change) END,
       CASE WHEN e.counter THEN (SELECT l.sum FROM statistics l WHERE l.entity = s.entity AND l.period = ${FIVE_MINUTES_MS}
         AND l.start >= s.start / ${HOUR_MS} * ${HOUR_MS} AND l.start < s.start / ${HOUR_MS} * ${HOUR_MS} + ${HOUR_MS} ORDER BY l.start DESC LIMIT 1) END
     FROM statistics s JOIN history_entities e ON e.id = s.entity
     WHERE s.period = ${FIVE_MINUTES_MS} AND s.start >= ? AND s.start < ? GROUP BY s.entity, h`,
  );

  function initialMark(): number | undefined {
    let first = firstStaged.get<{ ms: number | null }>()?.ms ?? undefined;
    for (const { id } of entities.all<{ id: number }>()) {
      const row = firstKey.get<{ ms: number | null }>(id, 0, id, MS_MASK);
      if (row?.ms != null) first = Math.min(first ?? row.ms, row.ms);
    }
    return first === undefined ? undefined : floorTo(first, HOUR_MS);
  }

  function rollWindows(from: number, to: number): void {
    for (const { id, kind, counter } of entities.all<{ id: number; kind: EntityKind; counter: number }>()) {
      for (const r of windows({ id, kind, counter: counter === 1 }, from, to)) {
        insert.run(id, FIVE_MINUTES_MS, r.start, r.mean, r.min, r.max, r.count, r.change ?? null, r.sum ?? null);
      }
    }
  }

  return {
    step(untilMs) {
      const limit = floorTo(untilMs, FIVE_MINUTES_MS);
      const done = meta.getNumber('history.rollup') ?? initialMark();
      if (done === undefined || done >= limit) return false;
      const to = Math.min(limit, floorTo(done, HOUR_MS) + HOUR_MS);
      sqlite.transaction(() => {
        rollWindows(done, to);
        const hourStart = floorTo(done, HOUR_MS);
        // the hour is rewritten from its 5-minute rows each time, complete or not, so it never lags
        hourly.run(hourStart, hourStart + HOUR_MS);
        meta.set('history.rollup', to);
      });
      return true;
    },
    doneUntil: () => meta.getNumber('history.rollup') ?? 0,
  };
}

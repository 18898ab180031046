/**
 * Retention: raw states, 5-minute statistics and logbook entries older than
 * `keepDays` go; hourly statistics stay. Deletes run in small batches, each its
 * own short transaction, yielding between them so the hub stays responsive.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { SqlConnection } from '../db/index.js';
import { FIVE_MINUTES_MS, PACK } from './keys.js';

const BATCH = 5000;

export interface PurgeResult {
  states: number;
  statistics: number;
  logbook: number;
}

/** Deletes everything older than `cutoffMs`; raw states only where already rolled up (`rolledUpTo`). */
export async function purge(sqlite: SqlConnection, cutoffMs: number, rolledUpTo: number): Promise<PurgeResult> {
  const stateCutoff = Math.min(cutoffMs, rolledUpTo);
  const entities = sqlite.prepare('SELECT id FROM history_entities').all<{ id: number }>();
  const states = sqlite.prepare(`DELETE FROM states WHERE key IN (SELECT key FROM states WHERE key BETWEEN ${PACK} AND ${PACK} LIMIT ${BATCH})`);
  const statistics = sqlite.prepare(
    `DELETE FROM statistics WHERE rowid IN (SELECT rowid FROM statistics WHERE period = ${FIVE_MINUTES_MS} AND start < ? LIMIT ${BATCH})`,
  );
  const logbook = sqlite.prepare(`DELETE FROM logbook WHERE id IN (SELECT id FROM logbook WHERE ms < ? LIMIT ${BATCH})`);
  const result: PurgeResult = { states: 0, statistics: 0, logbook: 0 };
  for (const { id } of entities) result.states += await drain(() => states.run(id, 0, id, stateCutoff - 1).changes);
  result.statistics = await drain(() => statistics.run(cutoffMs).changes);
  result.logbook = await drain(() => logbook.run(cutoffMs).changes);
  return result;
}

async function drain(deleteBatch: () => number): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = deleteBatch();
    total += deleted;
    if (deleted < BATCH) return total;
    await yieldToLoop();
  }
}

import type { DatabaseHandle } from '../db/index.js';

/** Whether nothing was ever recorded: no state, staged or folded, and no statistics. */
export function historyIsEmpty(database: DatabaseHandle): boolean {
  const any = (table: string) => database.sqlite.prepare(`SELECT 1 AS found FROM ${table} LIMIT 1`).get<{ found: number }>() !== undefined;
  return !any('states_staged') && !any('states') && !any('statistics');
}

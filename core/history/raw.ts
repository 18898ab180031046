/** Raw recorded rows of one entity, read from both the folded and the staged table. */
import type { SqlConnection } from '../db/index.js';
import { ENTITY_BITS, ENTITY_MASK, MS_BITS, PACK, RANGE_ROWS, UNPACK_MS, rangeParams } from './keys.js';

export type RawRow = { ms: number; value: number | null; text: number | null; attributes: number | null };

export interface RawReader {
  /** Rows in [start, end], oldest first. */
  rows(entity: number, startMs: number, endMs: number): RawRow[];
  /** The row in force at `ms`: the latest at or before it. */
  lastAt(entity: number, ms: number): RawRow | undefined;
  /** The latest non-null value at or before `ms`. */
  lastValueAt(entity: number, ms: number): number | undefined;
}

export function createRawReader(sqlite: SqlConnection): RawReader {
  const inRange = sqlite.prepare(`SELECT ms, value, text, attributes FROM (${RANGE_ROWS}) ORDER BY ms`);
  // two single-row lookups: a LIMIT over a UNION ALL would scan the entity's whole folded range
  const lastFolded = (where: string) => sqlite.prepare(
    `SELECT ${UNPACK_MS} AS ms, value, text, attributes FROM states WHERE key BETWEEN (? << ${MS_BITS}) AND ${PACK} ${where} ORDER BY key DESC LIMIT 1`,
  );
  const lastStaged = (where: string) => sqlite.prepare(
    `SELECT key >> ${ENTITY_BITS} AS ms, value, text, attributes FROM states_staged
     WHERE key <= ((? << ${ENTITY_BITS}) | ${ENTITY_MASK}) AND (key & ${ENTITY_MASK}) = ? ${where} ORDER BY key DESC LIMIT 1`,
  );
  const latest = (folded: ReturnType<typeof lastFolded>, staged: ReturnType<typeof lastStaged>) => (entity: number, ms: number) => {
    const a = folded.get<RawRow>(entity, entity, ms);
    const b = staged.get<RawRow>(ms, entity);
    if (!a || !b) return a ?? b;
    return b.ms >= a.ms ? b : a;
  };
  const lastRow = latest(lastFolded(''), lastStaged(''));
  const lastValue = latest(lastFolded('AND value IS NOT NULL'), lastStaged('AND value IS NOT NULL'));
  return {
    rows: (entity, startMs, endMs) => inRange.all<RawRow>(...rangeParams(entity, startMs, endMs)),
    lastAt: lastRow,
    lastValueAt: (entity, ms) => lastValue(entity, ms)?.value ?? undefined,
  };
}

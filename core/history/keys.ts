/**
 * Two packings of (entity, ms) into one integer key, 2^42 ms (to the year 2109)
 * and 21 bits of entity id:
 * - `states`, entity-major `entity << 42 | ms`: one entity's readings are one
 *   contiguous range, so long spans read few pages;
 * - `states_staged`, time-major `ms << 21 | entity`: a commit appends at the end
 *   of the table and rewrites only its last page or two (SD-card wear).
 * JavaScript never sees a packed value (it can pass 2^53): SQL packs on insert and
 * unpacks on read with these fragments.
 */
export const MS_BITS = 42;
export const MS_MASK = 2 ** MS_BITS - 1;
export const ENTITY_BITS = 21;
export const ENTITY_MASK = 2 ** ENTITY_BITS - 1;

/** `states.key` value for parameters (entity, ms). */
export const PACK = `((? << ${MS_BITS}) | ?)`;
export const UNPACK_MS = `(key & ${MS_MASK})`;

/** `WHERE` fragment selecting one entity's rows of `states` in [start, end]: parameters (entity, start, entity, end). */
export const KEY_RANGE = `key BETWEEN ${PACK} AND ${PACK}`;

/** `states_staged.key` value for parameters (ms, entity). */
export const STAGED_PACK = `((? << ${ENTITY_BITS}) | ?)`;
/** A staged key as a `states` key. */
export const STAGED_TO_KEY = `(((key & ${ENTITY_MASK}) << ${MS_BITS}) | (key >> ${ENTITY_BITS}))`;
export const STAGED_RANGE = `key BETWEEN (? << ${ENTITY_BITS}) AND ((? << ${ENTITY_BITS}) | ${ENTITY_MASK}) AND (key & ${ENTITY_MASK}) = ?`;

/**
 * One entity's recorded rows in [start, end] from both tables, as
 * `(ms, value, text, attributes)` in no particular order; parameters from `rangeParams`.
 */
export const RANGE_ROWS = `SELECT ${UNPACK_MS} AS ms, value, text, attributes FROM states WHERE ${KEY_RANGE}
  UNION ALL SELECT key >> ${ENTITY_BITS} AS ms, value, text, attributes FROM states_staged WHERE ${STAGED_RANGE}`;

export const rangeParams = (entity: number, startMs: number, endMs: number) =>
  [entity, startMs, entity, endMs, startMs, endMs, entity] as const;

export const FIVE_MINUTES_MS = 300_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export const floorTo = (ms: number, step: number) => Math.floor(ms / step) * step;

/**
 * The packed state key `entity << 42 | ms`: 2^42 ms reaches the year 2109 and
 * leaves 21 bits for entities. JavaScript never sees a packed value (it can pass
 * 2^53): SQL packs on insert and unpacks on read with these fragments.
 */
export const MS_BITS = 42;
export const MS_MASK = 2 ** MS_BITS - 1;

/** `key` value for parameters (entity, ms). */
export const PACK = `((? << ${MS_BITS}) | ?)`;
export const UNPACK_MS = `(key & ${MS_MASK})`;
export const UNPACK_ENTITY = `(key >> ${MS_BITS})`;

/** `WHERE` fragment selecting one entity's rows in [start, end]: parameters (entity, start, entity, end). */
export const KEY_RANGE = `key BETWEEN ${PACK} AND ${PACK}`;

export const FIVE_MINUTES_MS = 300_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

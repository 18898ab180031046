/**
 * History tables (DESIGN §9). Raw states are keyed by one packed integer (see
 * keys.ts), so a reading costs a rowid and a REAL — no second index. Commits
 * append to `states_staged`, clustered by time; once an hour the staged rows are
 * folded into `states`, clustered by entity, so an SD card sees a page or two per
 * commit instead of one page per entity.
 */
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Entity ids as small integers; `kind` says how `states.value` is read back. */
export const historyEntities = sqliteTable('history_entities', {
  id: integer('id').primaryKey(),
  entityId: text('entity_id').notNull().unique(),
  kind: text('kind', { enum: ['numeric', 'onoff', 'text'] }).notNull(),
  /** A `total_increasing` sensor (a meter's index): its statistics also carry `change` and `sum`. */
  counter: integer('counter', { mode: 'boolean' }).notNull().default(false),
});

/** Text states (cover positions …) and attribute sets, each stored once. */
export const historyTexts = sqliteTable('history_texts', {
  id: integer('id').primaryKey(),
  text: text('text').notNull().unique(),
});

export const historyAttributes = sqliteTable('history_attributes', {
  id: integer('id').primaryKey(),
  json: text('json').notNull().unique(),
});

export const states = sqliteTable('states', {
  /** `entity << 42 | ms`: never read into JavaScript (it exceeds 2^53), unpacked in SQL. */
  key: integer('key').primaryKey(),
  /** numeric: the reading; onoff: 1 / 0; null while unknown or unavailable. */
  value: real('value'),
  /** text entities: reference into history_texts. */
  text: integer('text'),
  attributes: integer('attributes'),
});

/** Readings not yet folded into `states` (at most about an hour's worth); same columns. */
export const statesStaged = sqliteTable('states_staged', {
  /** `ms << 21 | entity`: rowid order is time order. */
  key: integer('key').primaryKey(),
  value: real('value'),
  text: integer('text'),
  attributes: integer('attributes'),
});

/**
 * 5-minute (period 300) and hourly (3600) rollups; for on/off entities `mean` is the share of time on.
 * Counters also carry `change` (consumption in the row, a drop counted as a reset from 0) and `sum`
 * (the running total of changes at the row's end); both null for other entities.
 */
export const statistics = sqliteTable(
  'statistics',
  {
    entity: integer('entity').notNull(),
    period: integer('period').notNull(),
    start: integer('start').notNull(),
    mean: real('mean').notNull(),
    min: real('min').notNull(),
    max: real('max').notNull(),
    count: integer('count').notNull(),
    change: real('change'),
    sum: real('sum'),
  },
  (t) => [primaryKey({ columns: [t.entity, t.period, t.start] })],
);

/** Who or what changed what: state changes, commands and audit events, with their context. */
export const logbook = sqliteTable(
  'logbook',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ms: integer('ms').notNull(),
    kind: text('kind', { enum: ['state', 'command', 'audit'] }).notNull(),
    entityId: text('entity_id'),
    /** state: the new state; command: the command; audit: the action. */
    what: text('what').notNull(),
    outcome: text('outcome'),
    contextId: text('context_id'),
    userId: text('user_id'),
    automationId: text('automation_id'),
    parentId: text('parent_id'),
    node: text('node'),
    address: text('address'),
    details: text('details'),
  },
  (t) => [index('logbook_ms').on(t.ms), index('logbook_entity_ms').on(t.entityId, t.ms)],
);

import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Automations created through the API; file automations live in the config. `definition` is the JSON the user sent. */
export const automations = sqliteTable('automations', {
  id: text('id').primaryKey(),
  definition: text('definition').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** The last runs of every automation (pruned to 10 each). */
export const automationTraces = sqliteTable(
  'automation_traces',
  {
    runId: text('run_id').primaryKey(),
    automationId: text('automation_id').notNull(),
    startedAt: integer('started_at').notNull(),
    trace: text('trace').notNull(),
  },
  (t) => [index('automation_traces_by_automation').on(t.automationId, t.startedAt)],
);

/**
 * What must survive a restart: pending `for:` timers (kind `for`, key = trigger
 * index and entity) and runs waiting in a delay or wait (kind `run`, key = run id).
 */
export const automationPending = sqliteTable(
  'automation_pending',
  {
    automationId: text('automation_id').notNull(),
    kind: text('kind', { enum: ['for', 'run'] }).notNull(),
    key: text('key').notNull(),
    deadline: integer('deadline'),
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.automationId, t.kind, t.key] })],
);

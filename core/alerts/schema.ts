import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Alerts, open and acknowledged (DESIGN §6). Times are epoch ms. */
export const alerts = sqliteTable(
  'alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    severity: text('severity', { enum: ['info', 'warning', 'critical'] }).notNull(),
    title: text('title').notNull(),
    message: text('message').notNull(),
    entityId: text('entity_id'),
    source: text('source').notNull(),
    raisedAt: integer('raised_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    count: integer('count').notNull().default(1),
    /** JSON array of channel ids, null = the default channels. */
    notify: text('notify'),
    repeatEveryS: integer('repeat_every_s'),
    silent: integer('silent', { mode: 'boolean' }).notNull().default(false),
    /** When the notification last went out, so repeats resume after a restart. */
    notifiedAt: integer('notified_at').notNull(),
    acknowledgedAt: integer('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    note: text('note'),
  },
  (t) => [index('alerts_open').on(t.acknowledgedAt, t.source, t.entityId), index('alerts_raised_at').on(t.raisedAt)],
);

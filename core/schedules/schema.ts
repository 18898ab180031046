import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Schedules created through the API; those of `schedules:` live in the config. `definition` is the parsed JSON. */
export const schedules = sqliteTable('schedules', {
  id: text('id').primaryKey(),
  definition: text('definition').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Devices that follow a schedule, set from the dashboard (`PUT /api/entities/:id/follow`). One schedule per device. */
export const scheduleFollows = sqliteTable('schedule_follows', {
  entityId: text('entity_id').primaryKey(),
  schedule: text('schedule').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

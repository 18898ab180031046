import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Schedules created through the API; those of `schedules:` live in the config. `definition` is the parsed JSON. */
export const schedules = sqliteTable('schedules', {
  id: text('id').primaryKey(),
  definition: text('definition').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Small hub-wide facts that must survive a restart (last purge, last rollup …). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One plan per level; `definition` is the parsed JSON (rooms, items, background); the uploaded background sits beside it. */
export const floorplans = sqliteTable('floorplans', {
  id: text('id').primaryKey(),
  level: integer('level').notNull().unique(),
  definition: text('definition').notNull(),
  image: blob('image', { mode: 'buffer' }),
  imageType: text('image_type'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** "I am here" pins: one per user, opt-in, gone after `until` (epoch ms). */
export const peopleLocations = sqliteTable('people_locations', {
  userId: text('user_id').primaryKey(),
  area: text('area').notNull(),
  until: integer('until').notNull(),
});

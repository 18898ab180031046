import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Accounts; `username` is stored lower-case so names are unique regardless of case. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['owner', 'admin', 'member'] }).notNull(),
  createdAt: integer('created_at').notNull(),
  /** The name shown in the header and the logbook; the username when null. */
  displayName: text('display_name'),
});

/**
 * Sessions (from a login) and named API tokens (for scripts). Only a SHA-256 of the
 * secret is stored, so a leaked database does not leak working credentials.
 */
export const authTokens = sqliteTable(
  'auth_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['session', 'api'] }).notNull(),
    name: text('name'),
    hash: text('hash').notNull().unique(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    /** The browser or client that signed in, so a user can tell their sessions apart. */
    userAgent: text('user_agent'),
  },
  (t) => [index('auth_tokens_user').on(t.userId, t.kind)],
);

/** Each user's alarm panel codes, hashed like passwords: the code and an optional duress code. */
export const alarmCodes = sqliteTable('alarm_codes', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  codeHash: text('code_hash').notNull(),
  duressHash: text('duress_hash'),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Invitations an admin hands out: single use, expiring. Only a SHA-256 of the code is
 * stored (like tokens), so the code is shown once, when the invitation is created.
 */
export const invitations = sqliteTable('invitations', {
  id: text('id').primaryKey(),
  codeHash: text('code_hash').notNull().unique(),
  role: text('role', { enum: ['owner', 'admin', 'member'] }).notNull(),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
  usedBy: text('used_by').references(() => users.id, { onDelete: 'set null' }),
});

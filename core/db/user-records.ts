import type { z } from 'zod';
import type { SqlConnection } from './connection.js';

export interface UserRecords<T> {
  /** The user's record, or the fallback when none is stored. */
  get(userId: string): T;
  set(userId: string, value: T): void;
}

/**
 * A small JSON record per user in the hub-wide `meta` table (`<prefix>.<user id>`): a few short
 * values that need no table of their own. A value this hub cannot parse (written by a newer hub)
 * reads as `fallback`, never as an error.
 */
export function createUserRecords<S extends z.ZodType>(sqlite: SqlConnection, prefix: string, schema: S, fallback: z.output<S>): UserRecords<z.output<S>> {
  const read = sqlite.prepare('SELECT value FROM meta WHERE key = ?');
  const write = sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const key = (userId: string) => `${prefix}.${userId}`;
  return {
    get(userId) {
      const row = read.get<{ value: string }>(key(userId));
      const parsed = row ? schema.safeParse(JSON.parse(row.value)) : undefined;
      return parsed?.success ? parsed.data : fallback;
    },
    set: (userId, value) => void write.run(key(userId), JSON.stringify(value)),
  };
}

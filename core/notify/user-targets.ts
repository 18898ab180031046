import { z } from 'zod';
import { quietHoursSchema } from '../config/index.js';
import type { SqlConnection } from '../db/index.js';

/** What each user sets for themselves in Settings → Notifications. */
export const userTargetsSchema = z.strictObject({
  /** Their own topic on every per-user ntfy channel's server. */
  ntfyTopic: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ (at most 64)').optional(),
  email: z.email('expected an e-mail address').optional(),
  /** Their own quiet hours, instead of the channel's, for what reaches them. */
  quietHours: quietHoursSchema.optional(),
});
export type UserTargets = z.output<typeof userTargetsSchema>;

export interface UserTargetStore {
  get(userId: string): UserTargets;
  set(userId: string, targets: UserTargets): void;
}

/** A row per user in the hub-wide `meta` table (`notify.user.<id>`): a few short values, no table of their own. */
export function createUserTargetStore(sqlite: SqlConnection): UserTargetStore {
  const get = sqlite.prepare('SELECT value FROM meta WHERE key = ?');
  const put = sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const key = (userId: string) => `notify.user.${userId}`;
  return {
    get(userId) {
      const row = get.get<{ value: string }>(key(userId));
      const parsed = row ? userTargetsSchema.safeParse(JSON.parse(row.value)) : undefined;
      return parsed?.success ? parsed.data : {};
    },
    set: (userId, targets) => void put.run(key(userId), JSON.stringify(targets)),
  };
}

import { z } from 'zod';
import { quietHoursSchema } from '../config/index.js';
import { createUserRecords, type SqlConnection, type UserRecords } from '../db/index.js';

/** What each user sets for themselves in Settings → Notifications. */
export const userTargetsSchema = z.strictObject({
  /** Their own topic on every per-user ntfy channel's server. */
  ntfyTopic: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ (at most 64)').optional(),
  email: z.email('expected an e-mail address').optional(),
  /** Their own quiet hours, instead of the channel's, for what reaches them. */
  quietHours: quietHoursSchema.optional(),
});
export type UserTargets = z.output<typeof userTargetsSchema>;

export type UserTargetStore = UserRecords<UserTargets>;

/** A record per user in the hub-wide `meta` table (`notify.user.<id>`): a few short values, no table of their own. */
export function createUserTargetStore(sqlite: SqlConnection): UserTargetStore {
  return createUserRecords(sqlite, 'notify.user', userTargetsSchema, {});
}

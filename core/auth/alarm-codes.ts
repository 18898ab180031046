import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import { RateLimitedError } from '../errors.js';
import { hashPassword, verifyPassword, type PasswordCost } from './password.js';
import type { FailureLimiter } from './rate-limit.js';
import { alarmCodes, users } from './schema.js';

const alarmCode = z.string().regex(/^\d{4,12}$/, 'use 4–12 digits');

/** `PUT /api/auth/alarm-code`: the caller's own codes; the duress code must differ. */
export const alarmCodeSchema = z
  .strictObject({ code: alarmCode, duress: alarmCode.optional() })
  .refine((b) => b.code !== b.duress, { message: 'the duress code must differ from the code', path: ['duress'] });

export type AlarmCodeInput = z.infer<typeof alarmCodeSchema>;

/** Whose code a code is; the SDK's `CodeMatch`. */
export interface AlarmCodeMatch {
  userId: string;
  username: string;
  duress: boolean;
}

export interface AlarmCodes {
  /** Sets or replaces the user's codes (no `duress` = no duress code). */
  set(userId: string, input: AlarmCodeInput): Promise<void>;
  clear(userId: string): void;
  /** Which codes the user has set (never the codes). */
  status(userId: string): { code: boolean; duress: boolean };
  /** Whose code `code` is; wrong codes count against `key`, and past the limit it throws a RateLimitedError. */
  verify(code: string, key: string): Promise<AlarmCodeMatch | undefined>;
}

/** Alarm codes hashed like passwords; each check walks every user's hashes (a household has few users). */
export function createAlarmCodes(db: Db, options: { cost: PasswordCost; now: () => number; limiter: FailureLimiter }): AlarmCodes {
  const row = (userId: string) => db.select().from(alarmCodes).where(eq(alarmCodes.userId, userId)).get();
  return {
    async set(userId, { code, duress }) {
      const codeHash = await hashPassword(code, options.cost);
      const duressHash = duress === undefined ? null : await hashPassword(duress, options.cost);
      const values = { userId, codeHash, duressHash, updatedAt: options.now() };
      db.insert(alarmCodes).values(values).onConflictDoUpdate({ target: alarmCodes.userId, set: values }).run();
    },
    clear: (userId) => void db.delete(alarmCodes).where(eq(alarmCodes.userId, userId)).run(),
    status(userId) {
      const found = row(userId);
      return { code: found !== undefined, duress: found?.duressHash != null };
    },
    async verify(code, key) {
      const wait = options.limiter.retryAfterS(key);
      if (wait > 0) throw new RateLimitedError(`too many wrong alarm codes; try again in ${wait} s`, wait);
      const rows = db
        .select({ userId: alarmCodes.userId, username: users.username, codeHash: alarmCodes.codeHash, duressHash: alarmCodes.duressHash })
        .from(alarmCodes)
        .innerJoin(users, eq(users.id, alarmCodes.userId))
        .all();
      for (const r of rows) {
        const duress = r.duressHash !== null && (await verifyPassword(code, r.duressHash));
        if (duress || (await verifyPassword(code, r.codeHash))) {
          options.limiter.reset(key);
          return { userId: r.userId, username: r.username, duress };
        }
      }
      options.limiter.fail(key);
      return undefined;
    },
  };
}

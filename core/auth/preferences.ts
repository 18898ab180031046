import { z } from 'zod';
import type { SqlConnection } from '../db/index.js';

/** The dashboard's languages (frontend/src/lib/i18n.ts LOCALES). */
export const DASHBOARD_LOCALES = ['en', 'fr'] as const;

/** `PUT /api/auth/preferences`: what each user chooses for themselves; an absent key keeps its value. */
export const preferencesSchema = z.strictObject({
  /** The dashboard's language; without one it follows the browser. */
  locale: z.enum(DASHBOARD_LOCALES).optional(),
  /** What Home shows; without a choice, the floor plan when one exists, else the cards. */
  home: z.enum(['plan', 'cards']).optional(),
});
export type Preferences = z.output<typeof preferencesSchema>;

export interface PreferenceStore {
  get(userId: string): Preferences;
  /** Merges `patch` into the stored preferences and answers the result. */
  update(userId: string, patch: Preferences): Preferences;
}

/** A row per user in the hub-wide `meta` table (`prefs.user.<id>`), like the notify targets: a few short values, no table of their own. */
export function createPreferenceStore(sqlite: SqlConnection): PreferenceStore {
  const read = sqlite.prepare('SELECT value FROM meta WHERE key = ?');
  const write = sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const key = (userId: string) => `prefs.user.${userId}`;
  const get = (userId: string): Preferences => {
    const row = read.get<{ value: string }>(key(userId));
    // A value written by a newer hub (a language this one lacks) reads as no preference, not as an error.
    const parsed = row ? preferencesSchema.safeParse(JSON.parse(row.value)) : undefined;
    return parsed?.success ? parsed.data : {};
  };
  return {
    get,
    update(userId, patch) {
      const next = { ...get(userId), ...patch };
      write.run(key(userId), JSON.stringify(next));
      return next;
    },
  };
}

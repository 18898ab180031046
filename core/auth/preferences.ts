import { z } from 'zod';
import { createUserRecords, type SqlConnection } from '../db/index.js';

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

/** A record per user in the hub-wide `meta` table (`prefs.user.<id>`), like the notify targets. */
export function createPreferenceStore(sqlite: SqlConnection): PreferenceStore {
  const records = createUserRecords(sqlite, 'prefs.user', preferencesSchema, {});
  return {
    get: records.get,
    update(userId, patch) {
      const next = { ...records.get(userId), ...patch };
      records.set(userId, next);
      return next;
    },
  };
}

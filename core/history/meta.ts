import type { SqlConnection } from '../db/index.js';

/** Progress markers in the hub-wide `meta` table (core/db/schema.ts). */
export function createMeta(sqlite: SqlConnection) {
  const get = sqlite.prepare('SELECT value FROM meta WHERE key = ?');
  const put = sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    getNumber(key: string): number | undefined {
      const row = get.get<{ value: string }>(key);
      return row ? Number(row.value) : undefined;
    },
    set(key: string, value: number): void {
      put.run(key, String(value));
    },
  };
}

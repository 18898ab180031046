/**
 * Consistent snapshots of the live database, taken while the hub keeps writing.
 * Inside the hub, better-sqlite3's online backup on the hub's own connection copies
 * page by page between event-loop turns, and SQLite folds the hub's concurrent writes
 * into the copy. From another process (the `hearth backup` CLI) a second connection's
 * online backup would restart on every foreign write, so it uses VACUUM INTO: one read
 * transaction that WAL lets run beside the writer.
 */
import Database from 'better-sqlite3';
import { isBun, openBunSqlite, vacuumInto } from '../db/bun.js';

/** Writes a consistent copy of the database to `dest` (which must not exist). */
export type Snapshot = (dest: string) => Promise<void>;

/** From the hub's own connection (DatabaseHandle.sqlite). */
export function onlineSnapshot(sqlite: { backup(dest: string): Promise<unknown> }): Snapshot {
  return async (dest) => void (await sqlite.backup(dest));
}

/** From a database file another process may be writing. */
export function fileSnapshot(dbPath: string): Snapshot {
  return async (dest) => {
    const connection = openReadonly(dbPath);
    try {
      vacuumInto(connection, dest);
    } finally {
      connection.close();
    }
  };
}

/** Runs `PRAGMA integrity_check` on a database file; returns the problems ([] when sound). */
export function integrityProblems(dbPath: string): string[] {
  let connection: { prepare(sql: string): { all(): unknown[] }; close(): void } | undefined;
  try {
    connection = openReadonly(dbPath);
    const rows = connection.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    const tables = connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    if (!tables.some((t) => t.name === '__drizzle_migrations')) problems.push('not a Hearth database (no migrations table)');
    return problems;
  } catch (err) {
    return [`not a readable SQLite database: ${(err as Error).message}`];
  } finally {
    connection?.close();
  }
}

function openReadonly(dbPath: string) {
  return isBun ? openBunSqlite(dbPath, { readonly: true }) : new Database(dbPath, { readonly: true, fileMustExist: true });
}

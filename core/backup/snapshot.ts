/**
 * Consistent snapshots of the live database, taken while the hub keeps writing.
 * Both use VACUUM INTO: one read transaction that WAL lets run beside the writer,
 * the same on better-sqlite3 and bun:sqlite — inside the hub on its own connection,
 * from the `hearth backup` CLI on a read-only one.
 */
import { openReadonlyConnection, type SqlConnection } from '../db/index.js';

/** Writes a consistent copy of the database to `dest` (which must not exist). */
export type Snapshot = (dest: string) => Promise<void>;

/** From the hub's own connection (DatabaseHandle.sqlite). */
export function onlineSnapshot(sqlite: SqlConnection): Snapshot {
  return async (dest) => vacuumInto(sqlite, dest);
}

/** From a database file another process may be writing. */
export function fileSnapshot(dbPath: string): Snapshot {
  return async (dest) => {
    const connection = openReadonlyConnection(dbPath);
    try {
      vacuumInto(connection, dest);
    } finally {
      connection.close();
    }
  };
}

/** Runs `PRAGMA integrity_check` on a database file; returns the problems ([] when sound). */
export function integrityProblems(dbPath: string): string[] {
  let connection: SqlConnection | undefined;
  try {
    connection = openReadonlyConnection(dbPath);
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

function vacuumInto(connection: SqlConnection, dest: string): void {
  connection.exec(`VACUUM INTO '${dest.replaceAll("'", "''")}'`);
}

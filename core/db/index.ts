/**
 * The one SQLite file of a hub (DESIGN §9): opened in WAL mode, migrated at start.
 * Every module that stores something keeps its tables in its own `schema.ts`;
 * drizzle-kit generates the migrations of all of them into core/db/migrations.
 * better-sqlite3 under Node, bun:sqlite under Bun: same schema, same interface.
 */
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../version.js';
import { isBun, openBetterSqlite, openBunSqlite, type Opened } from './drivers.js';
import type { SqlConnection } from './connection.js';

export type { Row, SqlConnection, SqlValue, Statement } from './connection.js';
export { isBun, openReadonlyConnection } from './drivers.js';
export { createUserRecords, type UserRecords } from './user-records.js';

/** drizzle over either driver (both are synchronous SQLite). */
export type Db = BaseSQLiteDatabase<'sync', unknown>;
export type Driver = 'better-sqlite3' | 'bun:sqlite';

export interface DatabaseHandle {
  /** drizzle over the connection: use it for queries. */
  readonly db: Db;
  /** The raw connection, for prepared hot-path statements and pragmas (a consistent copy: `VACUUM INTO`). */
  readonly sqlite: SqlConnection;
  readonly driver: Driver;
  readonly path: string;
  close(): void;
}

export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'core', 'db', 'migrations');

export interface OpenOptions {
  /** Default: bun:sqlite when running under Bun, else better-sqlite3. */
  driver?: Driver;
  migrationsFolder?: string;
}

/**
 * Opens (creating if needed) and migrates the database. Each migration runs in a
 * transaction, so a failed one leaves the file as it was and the error says why.
 */
export function openDatabase(path: string, options: OpenOptions = {}): DatabaseHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const driver = options.driver ?? (isBun ? 'bun:sqlite' : 'better-sqlite3');
  const opened: Opened = driver === 'bun:sqlite' ? openBunSqlite(path) : openBetterSqlite(path);
  const { sqlite } = opened;
  // Before WAL and the first table (later it cannot change): small pages keep the recorder's
  // frequent small commits small on the SD card (docs/history.md, "Disk writes").
  sqlite.exec('PRAGMA page_size = 1024');
  sqlite.exec('PRAGMA journal_mode = WAL');
  // NORMAL in WAL mode: a power cut may lose the last commits but never corrupts the file
  sqlite.exec('PRAGMA synchronous = NORMAL');
  sqlite.exec('PRAGMA busy_timeout = 5000');
  sqlite.exec('PRAGMA foreign_keys = ON');
  try {
    opened.migrate(options.migrationsFolder ?? MIGRATIONS_DIR);
  } catch (err) {
    sqlite.close();
    throw new Error(`cannot migrate database ${path}: ${(err as Error).message}`);
  }
  return { db: opened.db, sqlite, driver, path, close: () => sqlite.close() };
}

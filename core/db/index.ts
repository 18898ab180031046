/**
 * The one SQLite file of a hub (DESIGN §9): opened in WAL mode, migrated at start.
 * Every module that stores something keeps its tables in its own `schema.ts`;
 * drizzle-kit generates the migrations of all of them into core/db/migrations.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../version.js';
import { isBun, openBunDatabase } from './bun.js';

export type Db = BetterSQLite3Database;

export interface DatabaseHandle {
  /** drizzle over the connection: use it for queries. */
  readonly db: Db;
  /** The raw connection, for prepared hot-path statements, pragmas and backups. */
  readonly sqlite: Database.Database;
  readonly path: string;
  close(): void;
}

export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'core', 'db', 'migrations');

/** Opens (creating if needed) and migrates the database. A failed migration rolls back and throws why. */
export function openDatabase(path: string): DatabaseHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  if (isBun) return openBunDatabase(path, MIGRATIONS_DIR);
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite);
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  } catch (err) {
    sqlite.close();
    throw new Error(`cannot migrate database ${path}: ${(err as Error).message}`);
  }
  return { db, sqlite, path, close: () => sqlite.close() };
}

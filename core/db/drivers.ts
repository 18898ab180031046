import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { createRequire } from 'node:module';
import { wrapConnection, type NativeDatabase, type SqlConnection } from './connection.js';

export interface Opened {
  db: BaseSQLiteDatabase<'sync', unknown>;
  sqlite: SqlConnection;
  migrate(folder: string): void;
}

type DrizzleModule = { drizzle(client: NativeDatabase): BaseSQLiteDatabase<'sync', unknown> };
type MigratorModule = { migrate(db: BaseSQLiteDatabase<'sync', unknown>, config: { migrationsFolder: string }): void };

// Loaded lazily: better-sqlite3 cannot even be imported under Bun, bun:sqlite not under Node.
const require = createRequire(import.meta.url);

type BetterSqliteClass = new (path: string, options?: { readonly?: boolean; fileMustExist?: boolean }) => NativeDatabase;
type BunSqliteClass = new (path: string, options: { create?: boolean; readonly?: boolean }) => NativeDatabase;

export const isBun = process.versions.bun !== undefined;

export function openBetterSqlite(path: string): Opened {
  const Database = require('better-sqlite3') as BetterSqliteClass;
  return open(new Database(path), 'better-sqlite3');
}

export function openBunSqlite(path: string): Opened {
  const { Database } = require('bun:sqlite') as { Database: BunSqliteClass };
  return open(new Database(path, { create: true }), 'bun-sqlite');
}

/** A read-only connection to an existing file (backups, integrity checks), over the runtime's driver. */
export function openReadonlyConnection(path: string): SqlConnection {
  if (isBun) {
    const { Database } = require('bun:sqlite') as { Database: BunSqliteClass };
    return wrapConnection(new Database(path, { readonly: true }));
  }
  const Database = require('better-sqlite3') as BetterSqliteClass;
  return wrapConnection(new Database(path, { readonly: true, fileMustExist: true }));
}

function open(native: NativeDatabase, drizzleDriver: 'better-sqlite3' | 'bun-sqlite'): Opened {
  const { drizzle } = require(`drizzle-orm/${drizzleDriver}`) as DrizzleModule;
  const { migrate } = require(`drizzle-orm/${drizzleDriver}/migrator`) as MigratorModule;
  const db = drizzle(native);
  return { db, sqlite: wrapConnection(native), migrate: (migrationsFolder) => migrate(db, { migrationsFolder }) };
}

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

export function openBetterSqlite(path: string): Opened {
  const Database = require('better-sqlite3') as new (path: string) => NativeDatabase;
  return open(new Database(path), 'better-sqlite3');
}

export function openBunSqlite(path: string): Opened {
  const { Database } = require('bun:sqlite') as { Database: new (path: string, options: { create: boolean }) => NativeDatabase };
  return open(new Database(path, { create: true }), 'bun-sqlite');
}

function open(native: NativeDatabase, drizzleDriver: 'better-sqlite3' | 'bun-sqlite'): Opened {
  const { drizzle } = require(`drizzle-orm/${drizzleDriver}`) as DrizzleModule;
  const { migrate } = require(`drizzle-orm/${drizzleDriver}/migrator`) as MigratorModule;
  const db = drizzle(native);
  return { db, sqlite: wrapConnection(native), migrate: (migrationsFolder) => migrate(db, { migrationsFolder }) };
}

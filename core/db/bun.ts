/**
 * The database under Bun: bun:sqlite behind the same DatabaseHandle as better-sqlite3
 * (a V8 addon Bun cannot load). Modules are required lazily so Node never resolves
 * `bun:sqlite`. `handle.sqlite` is a facade with the better-sqlite3 members Hearth
 * uses — prepare (run/get/all/iterate), exec, pragma, transaction, backup, close;
 * statement modifiers such as pluck() or raw() are Node-only.
 */
import { createRequire } from 'node:module';
import type BetterSqlite from 'better-sqlite3';
import type { DatabaseHandle, Db } from './index.js';

export const isBun = typeof (globalThis as { Bun?: unknown }).Bun !== 'undefined';

interface BunStatement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
}

/** The part of bun:sqlite's Database this module relies on. */
export interface BunSqlite {
  prepare(sql: string): BunStatement;
  exec(sql: string): void;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): void;
}

type BunDatabaseClass = new (path: string, options: { readonly?: boolean; create?: boolean; strict?: boolean }) => BunSqlite;

const requireHere = createRequire(import.meta.url);

/**
 * A raw bun:sqlite connection. `strict` makes named parameters bind without their
 * prefix (`{ id }` for `@id`), as better-sqlite3 does.
 */
export function openBunSqlite(path: string, options: { readonly?: boolean } = {}): BunSqlite {
  const { Database } = requireHere('bun:sqlite') as { Database: BunDatabaseClass };
  return new Database(path, options.readonly ? { readonly: true, strict: true } : { create: true, strict: true });
}

function pragma(raw: BunSqlite, source: string, options?: { simple?: boolean }): unknown {
  const rows = raw.prepare(`PRAGMA ${source}`).all() as Record<string, unknown>[];
  return options?.simple ? (rows[0] ? Object.values(rows[0])[0] : undefined) : rows;
}

/** SQLite's VACUUM INTO: one read transaction, so a consistent copy even while writes go on. */
export function vacuumInto(raw: { exec(sql: string): unknown }, dest: string): void {
  raw.exec(`VACUUM INTO '${dest.replaceAll("'", "''")}'`);
}

export function openBunDatabase(path: string, migrationsFolder: string): DatabaseHandle {
  const raw = openBunSqlite(path);
  // Same settings as the better-sqlite3 path in index.ts.
  for (const setting of ['journal_mode = WAL', 'synchronous = NORMAL', 'busy_timeout = 5000', 'foreign_keys = ON']) pragma(raw, setting);
  const { drizzle } = requireHere('drizzle-orm/bun-sqlite') as { drizzle: (client: BunSqlite) => unknown };
  const { migrate } = requireHere('drizzle-orm/bun-sqlite/migrator') as { migrate: (db: unknown, config: { migrationsFolder: string }) => void };
  const db = drizzle(raw);
  try {
    migrate(db, { migrationsFolder });
  } catch (err) {
    raw.close();
    throw new Error(`cannot migrate database ${path}: ${(err as Error).message}`);
  }
  const facade = {
    prepare: (sql: string) => raw.prepare(sql),
    exec: (sql: string) => (raw.exec(sql), facade),
    pragma: (source: string, options?: { simple?: boolean }) => pragma(raw, source, options),
    transaction: <A extends unknown[], R>(fn: (...args: A) => R) => raw.transaction(fn),
    backup: async (dest: string) => vacuumInto(raw, dest),
    close: () => raw.close(),
  };
  // drizzle's bun-sqlite and better-sqlite3 databases share the sync SQLite query builder.
  return { db: db as Db, sqlite: facade as unknown as BetterSqlite.Database, path, close: () => raw.close() };
}

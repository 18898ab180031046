/**
 * The few raw SQLite operations hot paths need, over either driver: better-sqlite3
 * under Node, bun:sqlite under Bun. Positional `?` parameters only, so both bind alike.
 */
export type SqlValue = number | string | bigint | null | Uint8Array;
export type Row = Record<string, SqlValue>;

export interface Statement {
  run(...params: SqlValue[]): { changes: number; lastInsertRowid: number };
  get<R extends Row = Row>(...params: SqlValue[]): R | undefined;
  all<R extends Row = Row>(...params: SqlValue[]): R[];
}

export interface SqlConnection {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  /** Runs `fn` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

/** The subset of better-sqlite3's and bun:sqlite's APIs this adapter relies on. */
export interface NativeDatabase {
  prepare(sql: string): {
    run(...params: SqlValue[]): { changes: number | bigint; lastInsertRowid: number | bigint };
    get(...params: SqlValue[]): unknown;
    all(...params: SqlValue[]): unknown[];
  };
  exec(sql: string): unknown;
  transaction<T>(fn: () => T): () => T;
  close(): void;
}

export function wrapConnection(native: NativeDatabase): SqlConnection {
  return {
    prepare(sql) {
      const stmt = native.prepare(sql);
      return {
        run: (...params) => {
          const { changes, lastInsertRowid } = stmt.run(...params);
          return { changes: Number(changes), lastInsertRowid: Number(lastInsertRowid) };
        },
        // bun:sqlite answers null for "no row", better-sqlite3 undefined
        get: <R extends Row>(...params: SqlValue[]) => (stmt.get(...params) ?? undefined) as R | undefined,
        all: <R extends Row>(...params: SqlValue[]) => stmt.all(...params) as R[],
      };
    },
    exec: (sql) => void native.exec(sql),
    transaction: (fn) => native.transaction(fn)(),
    close: () => native.close(),
  };
}

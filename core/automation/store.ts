import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/index.js';
import type { PendingRun, Trace } from './automation.js';
import { automationPending, automations, automationTraces } from './schema.js';
import { earliestDeadline, readStoredRun } from './resume.js';
import type { ForTimerStore, PendingFor } from './triggers.js';

export const TRACES_KEPT = 10;

export interface StoredAutomation {
  id: string;
  /** The definition as the user sent it. */
  definition: unknown;
  createdAt: number;
  updatedAt: number;
}

/** The engine's SQLite tables, through drizzle. */
export function createAutomationStore({ db }: DatabaseHandle, now: () => number = Date.now) {
  // Every delay, wait and `for:` writes its row when it starts and deletes it when it ends:
  // prepared once, as building and preparing the query each time cost four times the write.
  const at = { automationId: sql.placeholder('automationId'), kind: sql.placeholder('kind'), key: sql.placeholder('key') };
  const pendingRow = and(eq(automationPending.automationId, at.automationId), eq(automationPending.kind, at.kind), eq(automationPending.key, at.key));
  const upsertPending = db
    .insert(automationPending)
    .values({ ...at, deadline: sql.placeholder('deadline'), data: sql.placeholder('data') })
    .onConflictDoUpdate({ target: [automationPending.automationId, automationPending.kind, automationPending.key], set: { deadline: sql`excluded.deadline`, data: sql`excluded.data` } })
    .prepare();
  const deletePending = db.delete(automationPending).where(pendingRow).prepare();
  const selectPending = db.select().from(automationPending).where(pendingRow).prepare();
  type PendingKey = { automationId: string; kind: 'for' | 'run'; key: string };
  const savePendingRow = (row: PendingKey & { deadline: number | null; data: string }): void => void upsertPending.run(row);

  return {
    list(): StoredAutomation[] {
      return db.select().from(automations).all().map((r) => ({ ...r, definition: JSON.parse(r.definition) as unknown }));
    },
    put(id: string, definition: unknown): void {
      const at = now();
      const json = JSON.stringify(definition);
      db.insert(automations).values({ id, definition: json, createdAt: at, updatedAt: at }).onConflictDoUpdate({ target: automations.id, set: { definition: json, updatedAt: at } }).run();
    },
    remove(id: string): void {
      db.transaction((tx) => {
        tx.delete(automations).where(eq(automations.id, id)).run();
        tx.delete(automationTraces).where(eq(automationTraces.automationId, id)).run();
        tx.delete(automationPending).where(eq(automationPending.automationId, id)).run();
      });
    },

    /** Writes traces in one transaction, keeping the last 10 of each automation. */
    addTraces(traces: readonly Trace[]): void {
      if (!traces.length) return;
      db.transaction((tx) => {
        for (const trace of newestOfEach(traces)) {
          const json = JSON.stringify(trace);
          tx.insert(automationTraces).values({ runId: trace.runId, automationId: trace.automationId, startedAt: Date.parse(trace.startedAt), trace: json }).onConflictDoUpdate({ target: automationTraces.runId, set: { trace: json } }).run();
        }
        for (const automationId of new Set(traces.map((t) => t.automationId))) {
          const keep = tx.select({ runId: automationTraces.runId }).from(automationTraces).where(eq(automationTraces.automationId, automationId)).orderBy(desc(automationTraces.startedAt)).limit(TRACES_KEPT).all();
          tx.delete(automationTraces).where(and(eq(automationTraces.automationId, automationId), notInArray(automationTraces.runId, keep.map((k) => k.runId)))).run();
        }
      });
    },
    /** Newest first. */
    traces(automationId: string): Trace[] {
      return db.select().from(automationTraces).where(eq(automationTraces.automationId, automationId)).orderBy(desc(automationTraces.startedAt)).all().map((r) => JSON.parse(r.trace) as Trace);
    },

    forTimers(automationId: string): ForTimerStore {
      const row = (key: string): PendingKey => ({ automationId, kind: 'for', key });
      return {
        save(key, pending) {
          savePendingRow({ ...row(key), deadline: pending.deadline, data: JSON.stringify(pending.data) });
        },
        remove(key) {
          deletePending.run(row(key));
        },
        take(key): PendingFor | undefined {
          const stored = selectPending.get(row(key));
          return stored && stored.deadline !== null ? { deadline: stored.deadline, data: JSON.parse(stored.data) as PendingFor['data'] } : undefined;
        },
      };
    },
    savePending(automationId: string, run: PendingRun): void {
      savePendingRow({ automationId, kind: 'run', key: run.runId, deadline: earliestDeadline(run.points), data: JSON.stringify(run) });
    },
    removePending(automationId: string, runId: string): void {
      deletePending.run({ automationId, kind: 'run', key: runId } satisfies PendingKey);
    },
    /** Stored runs in either format; `unreadable` counts rows neither format fits. */
    pendingRuns(automationId: string): { runs: PendingRun[]; unreadable: number } {
      const rows = db.select().from(automationPending).where(and(eq(automationPending.automationId, automationId), eq(automationPending.kind, 'run'))).all();
      const runs = rows.flatMap((r) => readStoredRun(JSON.parse(r.data)) ?? []);
      return { runs, unreadable: rows.length - runs.length };
    },
    /** Forgets every stored timer of an automation (disabled, edited or deleted). */
    clearPending(automationId: string): void {
      db.delete(automationPending).where(eq(automationPending.automationId, automationId)).run();
    },
  };
}

export type AutomationStore = ReturnType<typeof createAutomationStore>;

/**
 * The traces of a batch that can outlive its pruning: the newest TRACES_KEPT of each automation
 * (the last write of a run wins). Older ones would be deleted in the same transaction — an hour
 * of the demo's simulated past flushes a hundred motion-light runs at once.
 */
function newestOfEach(traces: readonly Trace[]): Trace[] {
  const latest = new Map(traces.map((t) => [t.runId, t]));
  const byAutomation = new Map<string, Trace[]>();
  for (const t of latest.values()) {
    const list = byAutomation.get(t.automationId);
    if (list) list.push(t);
    else byAutomation.set(t.automationId, [t]);
  }
  return [...byAutomation.values()].flatMap((list) => list.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt)).slice(0, TRACES_KEPT));
}

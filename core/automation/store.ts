import { and, desc, eq, notInArray } from 'drizzle-orm';
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
      const where = (key: string) => and(eq(automationPending.automationId, automationId), eq(automationPending.kind, 'for'), eq(automationPending.key, key));
      return {
        save(key, pending) {
          const data = JSON.stringify(pending.data);
          db.insert(automationPending).values({ automationId, kind: 'for', key, deadline: pending.deadline, data }).onConflictDoUpdate({ target: [automationPending.automationId, automationPending.kind, automationPending.key], set: { deadline: pending.deadline, data } }).run();
        },
        remove(key) {
          db.delete(automationPending).where(where(key)).run();
        },
        take(key): PendingFor | undefined {
          const row = db.select().from(automationPending).where(where(key)).get();
          return row && row.deadline !== null ? { deadline: row.deadline, data: JSON.parse(row.data) as PendingFor['data'] } : undefined;
        },
      };
    },
    savePending(automationId: string, run: PendingRun): void {
      const data = JSON.stringify(run);
      const deadline = earliestDeadline(run.points);
      db.insert(automationPending).values({ automationId, kind: 'run', key: run.runId, deadline, data }).onConflictDoUpdate({ target: [automationPending.automationId, automationPending.kind, automationPending.key], set: { deadline, data } }).run();
    },
    removePending(automationId: string, runId: string): void {
      db.delete(automationPending).where(and(eq(automationPending.automationId, automationId), eq(automationPending.kind, 'run'), eq(automationPending.key, runId))).run();
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

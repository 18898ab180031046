import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/index.js';
import type { AlertRaiseParsed, AlertStatus, Severity } from './types.js';
import { alerts } from './schema.js';

export type AlertRow = typeof alerts.$inferSelect;

export interface ListFilter {
  status: AlertStatus | 'all';
  severity?: readonly Severity[];
  entityId?: string;
  /** Only ids below this (the page cursor). */
  before?: number;
  limit: number;
  /** Duress alerts too (admins asking for them); otherwise they stay out of every list. */
  includeSilent?: boolean;
}

/** The SQLite side of alerts: rows in, rows out; no timers, no events. */
export function createAlertStore({ db }: DatabaseHandle) {
  const statusIs = (status: ListFilter['status']): SQL | undefined =>
    status === 'open' ? isNull(alerts.acknowledgedAt) : status === 'acknowledged' ? isNotNull(alerts.acknowledgedAt) : undefined;
  return {
    insert(input: AlertRaiseParsed, source: string, ms: number): AlertRow {
      return db
        .insert(alerts)
        .values({
          severity: input.severity,
          title: input.title,
          message: input.message,
          entityId: input.entity ?? null,
          source,
          raisedAt: ms,
          lastSeenAt: ms,
          notify: input.notify ? JSON.stringify(input.notify) : null,
          repeatEveryS: input.repeatEveryS ?? null,
          silent: input.silent ?? false,
          notifiedAt: ms,
        })
        .returning()
        .get();
    },
    /** The open alert an identical raise folds into: same source, entity and title. */
    openDuplicate(source: string, entityId: string | undefined, title: string): AlertRow | undefined {
      return db
        .select()
        .from(alerts)
        .where(and(isNull(alerts.acknowledgedAt), eq(alerts.source, source), entityId === undefined ? isNull(alerts.entityId) : eq(alerts.entityId, entityId), eq(alerts.title, title)))
        .get();
    },
    seenAgain(id: number, ms: number): AlertRow {
      return db.update(alerts).set({ count: sql`${alerts.count} + 1`, lastSeenAt: ms }).where(eq(alerts.id, id)).returning().get()!;
    },
    notified(id: number, ms: number): void {
      db.update(alerts).set({ notifiedAt: ms }).where(eq(alerts.id, id)).run();
    },
    get(id: number): AlertRow | undefined {
      return db.select().from(alerts).where(eq(alerts.id, id)).get();
    },
    acknowledge(id: number, userId: string, note: string | undefined, ms: number): AlertRow | undefined {
      return db
        .update(alerts)
        .set({ acknowledgedAt: ms, acknowledgedBy: userId, note: note ?? null })
        .where(and(eq(alerts.id, id), isNull(alerts.acknowledgedAt)))
        .returning()
        .get();
    },
    /** Newest first. */
    list(filter: ListFilter): AlertRow[] {
      const where = and(
        statusIs(filter.status),
        filter.severity?.length ? inArray(alerts.severity, [...filter.severity]) : undefined,
        filter.entityId === undefined ? undefined : eq(alerts.entityId, filter.entityId),
        filter.before === undefined ? undefined : lt(alerts.id, filter.before),
        filter.includeSilent ? undefined : eq(alerts.silent, false),
      );
      return db.select().from(alerts).where(where).orderBy(desc(alerts.id)).limit(filter.limit).all();
    },
    /** Open alerts that repeat their notification (to re-arm their timers at start). */
    openRepeating(): AlertRow[] {
      return db.select().from(alerts).where(and(isNull(alerts.acknowledgedAt), isNotNull(alerts.repeatEveryS))).all();
    },
    /** Open alerts shown live (silent ones are not). */
    openCount(): number {
      return db.select({ n: sql<number>`count(*)` }).from(alerts).where(and(isNull(alerts.acknowledgedAt), eq(alerts.silent, false))).get()?.n ?? 0;
    },
    raisedBetween(startMs: number, endMs: number): Pick<AlertRow, 'severity' | 'entityId' | 'raisedAt'>[] {
      return db
        .select({ severity: alerts.severity, entityId: alerts.entityId, raisedAt: alerts.raisedAt })
        .from(alerts)
        .where(and(gte(alerts.raisedAt, startMs), lt(alerts.raisedAt, endMs), eq(alerts.silent, false)))
        .all();
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;

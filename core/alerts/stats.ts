/** Alert statistics (GET /api/alerts/stats): pure arithmetic over raised alerts, tested on its own. */
import { wallTime } from '../time/zone.js';
import { SEVERITIES, type Severity } from './types.js';

export const PERIODS = ['day', 'week', 'month'] as const;
export type StatsPeriod = (typeof PERIODS)[number];

export interface StatsWindow {
  startMs: number;
  endMs: number;
}

type BySeverity = Record<Severity, number>;

export interface AlertStats {
  start: string;
  end: string;
  total: number;
  bySeverity: BySeverity;
  /** Most alerted first; alerts without an entity are left out. */
  byEntity: { entityId: string; count: number }[];
  /** 24 rows, hour 0–23 of the hub's wall clock, each split by severity. */
  byHour: ({ hour: number; total: number } & BySeverity)[];
}

const DAY_MS = 86_400_000;

/** A period back from `end` (a calendar month for `month`), or forward from `start` when only it is given. */
export function statsWindow(period: StatsPeriod, nowMs: number, start?: number, end?: number): StatsWindow {
  const back = (ms: number) => (period === 'day' ? ms - DAY_MS : period === 'week' ? ms - 7 * DAY_MS : shiftMonth(ms, -1));
  const forward = (ms: number) => (period === 'day' ? ms + DAY_MS : period === 'week' ? ms + 7 * DAY_MS : shiftMonth(ms, 1));
  if (start !== undefined && end !== undefined) return { startMs: start, endMs: end };
  if (start !== undefined) return { startMs: start, endMs: forward(start) };
  const endMs = end ?? nowMs;
  return { startMs: back(endMs), endMs };
}

function shiftMonth(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

const zeros = (): BySeverity => ({ info: 0, warning: 0, critical: 0 });

export function tallyAlerts(rows: readonly { severity: Severity; entityId: string | null; raisedAt: number }[], window: StatsWindow, timezone?: string): AlertStats {
  const bySeverity = zeros();
  const byEntity = new Map<string, number>();
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, total: 0, ...zeros() }));
  for (const row of rows) {
    bySeverity[row.severity]++;
    if (row.entityId !== null) byEntity.set(row.entityId, (byEntity.get(row.entityId) ?? 0) + 1);
    const slot = byHour[Math.floor(wallTime(row.raisedAt, timezone).seconds / 3600)]!;
    slot[row.severity]++;
    slot.total++;
  }
  return {
    start: new Date(window.startMs).toISOString(),
    end: new Date(window.endMs).toISOString(),
    total: SEVERITIES.reduce((n, s) => n + bySeverity[s], 0),
    bySeverity,
    byEntity: [...byEntity].map(([entityId, count]) => ({ entityId, count })).sort((a, b) => b.count - a.count || a.entityId.localeCompare(b.entityId)),
    byHour,
  };
}

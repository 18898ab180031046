/** Row spans of the energy report: local hours, days, weeks (from Monday), months and years, DST-correct. */
import { DAY_MS, instantsOf } from '../time/zone.js';
import type { WallClock } from './local-clock.js';

export const PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const;
export type EnergyPeriod = (typeof PERIODS)[number];

export interface Span {
  start: number;
  end: number;
}

const HOUR_MS = 3_600_000;

/** The first instant of a local day (its midnight, or the first wall time after a midnight gap). */
export function dayStart(day: number, timezone?: string): number {
  for (let s = 0; s < 86_400; s += 1800) {
    const at = instantsOf(day, s, timezone)[0];
    if (at !== undefined) return at;
  }
  return day * DAY_MS;
}

function ymd(day: number): [number, number, number] {
  const d = new Date(day * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
}

const epochDay = (y: number, m: number, d: number) => Date.UTC(y, m, d) / DAY_MS;

/** The first local day of the period containing `day`. */
export function periodFirstDay(day: number, period: Exclude<EnergyPeriod, 'hour'>): number {
  const [y, m] = ymd(day);
  if (period === 'day') return day;
  // 1970-01-01 was a Thursday: Monday is day 0 of (day + 3) % 7
  if (period === 'week') return day - ((day + 3) % 7);
  if (period === 'month') return epochDay(y, m, 1);
  return epochDay(y, 0, 1);
}

export function nextPeriodDay(day: number, period: Exclude<EnergyPeriod, 'hour'>): number {
  const [y, m] = ymd(day);
  if (period === 'day') return day + 1;
  if (period === 'week') return day + 7;
  if (period === 'month') return epochDay(y, m + 1, 1);
  return epochDay(y + 1, 0, 1);
}

/** The same local date a year earlier (29 February → 1 March). */
export function yearEarlierDay(day: number): number {
  const [y, m, d] = ymd(day);
  return epochDay(y - 1, m, d);
}

/** The spans of `period` that overlap [start, end), the first one starting at or before `start`. */
export function spansOf(period: EnergyPeriod, start: number, end: number, wall: WallClock): Span[] {
  const out: Span[] = [];
  if (period === 'hour') {
    const w = wall(start);
    for (let t = start - (w.seconds % 3600) * 1000; t < end; t += HOUR_MS) out.push({ start: t, end: t + HOUR_MS });
    return out;
  }
  let day = periodFirstDay(wall(start).day, period);
  let from = wall.dayStart(day);
  while (from < end) {
    day = nextPeriodDay(day, period);
    const to = wall.dayStart(day);
    out.push({ start: from, end: to });
    from = to;
  }
  return out;
}

/** The span just before `span` of the same period. */
export function previousSpan(period: EnergyPeriod, span: Span, wall: WallClock): Span {
  if (period === 'hour') return { start: span.start - HOUR_MS, end: span.start };
  return { start: wall.dayStart(periodFirstDay(wall(span.start).day - 1, period)), end: span.start };
}

/** The same span a year earlier, by local dates (an hour keeps its wall time). */
export function yearEarlierSpan(period: EnergyPeriod, span: Span, wall: WallClock): Span {
  const w = wall(span.start);
  const startDay = yearEarlierDay(w.day);
  const start = wall.dayStart(startDay) + w.seconds * 1000;
  if (period === 'hour') return { start, end: start + HOUR_MS };
  const endWall = wall(span.end);
  return { start, end: wall.dayStart(yearEarlierDay(endWall.day)) + endWall.seconds * 1000 };
}

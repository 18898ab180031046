/**
 * Pure evaluation of a weekly schedule: given an instant, is a block on, with what
 * value, and when does that next change. Blocks are wall-clock times in the house's
 * zone, so across DST the state follows the clock on the wall: a block starting in a
 * spring-forward gap starts when the clock jumps, an edge in the repeated autumn hour
 * happens at each of its two instants.
 */
import { minutes, type Day, type ScheduleDefinition, type ScheduleValue } from '../config/index.js';
import { dayOf, instantsOf, offsetChangeOn, wallTime } from '../time/zone.js';

export interface ScheduleState {
  on: boolean;
  /** The current block's value, when on and it has one. */
  value?: ScheduleValue;
  /** When state or value next changes (epoch ms); absent when they never do. */
  next?: number;
}

interface Span {
  from: number;
  to: number;
  value?: ScheduleValue;
}

/** A schedule in seconds, indexed for evaluation. */
export interface CompiledSchedule {
  week: Span[][];
  exceptions: Map<number, Span[]>;
  /** The last local day with an exception (none: -Infinity). */
  lastException: number;
  empty: boolean;
}

/** Index 0 is Sunday, as 1970-01-01 (day 0) was a Thursday. */
const WEEK: Day[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function compile(s: ScheduleDefinition): CompiledSchedule {
  const spans = (list: ScheduleDefinition['days'][Day]): Span[] =>
    list.map((b) => ({ from: minutes(b.from) * 60, to: minutes(b.to) * 60, ...(b.value !== undefined && { value: b.value }) })).sort((a, b) => a.from - b.from);
  const week = WEEK.map((d) => spans(s.days[d]));
  const exceptions = new Map(s.exceptions.map((e) => [dayOf(e.date), spans(e.blocks)]));
  return {
    week,
    exceptions,
    lastException: Math.max(-Infinity, ...exceptions.keys()),
    empty: week.every((d) => d.length === 0) && [...exceptions.values()].every((d) => d.length === 0),
  };
}

function spansOf(c: CompiledSchedule, day: number): Span[] {
  return c.exceptions.get(day) ?? c.week[(((day + 4) % 7) + 7) % 7]!;
}

/** State and value (no `next`) at an instant. */
export function stateAt(c: CompiledSchedule, ms: number, timezone?: string): ScheduleState {
  const { day, seconds } = wallTime(ms, timezone);
  const span = spansOf(c, day).find((s) => s.from <= seconds && seconds < s.to);
  return span ? { on: true, ...(span.value !== undefined && { value: span.value }) } : { on: false };
}

/** Days looked ahead for the next change past the last exception: a week repeats after seven. */
const WEEK_AHEAD = 8;

export function evaluate(c: CompiledSchedule, ms: number, timezone?: string): ScheduleState {
  const current = stateAt(c, ms, timezone);
  const next = c.empty ? undefined : nextChange(c, ms, current, timezone);
  return next === undefined ? current : { ...current, next };
}

function nextChange(c: CompiledSchedule, ms: number, current: ScheduleState, timezone?: string): number | undefined {
  const today = wallTime(ms, timezone).day;
  const last = Math.max(today, c.lastException) + WEEK_AHEAD;
  for (let day = today; day <= last; day++) {
    const spans = spansOf(c, day);
    const before = spansOf(c, day - 1);
    if (spans.length === 0 && before.length === 0) continue;
    const edges = new Set([0, ...spans.flatMap((s) => [s.from, s.to]).filter((s) => s < 86_400)]);
    const candidates = [...edges].flatMap((s) => instantsOf(day, s, timezone));
    const shift = offsetChangeOn(day, timezone);
    if (shift !== undefined) candidates.push(shift);
    for (const t of candidates.filter((t) => t > ms).sort((a, b) => a - b)) {
      if (!sameState(stateAt(c, t, timezone), current)) return t;
    }
  }
  return undefined;
}

function sameState(a: ScheduleState, b: ScheduleState): boolean {
  return a.on === b.on && a.value === b.value;
}

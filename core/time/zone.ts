/**
 * Wall-clock arithmetic in the house's time zone, for schedules whose blocks are
 * written in local time. A local day is numbered like the epoch day of its date.
 */
import { foreignZone } from '../local-zone.js';

export const DAY_MS = 86_400_000;

export interface Wall {
  /** Days since 1970-01-01 of the local date. */
  day: number;
  /** Seconds since local midnight, as the wall clock shows them. */
  seconds: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    formatters.set(timezone, f);
  }
  return f;
}

export function wallTime(ms: number, timezone?: string): Wall {
  const zone = foreignZone(timezone);
  if (!zone) {
    const d = new Date(ms);
    return { day: Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS, seconds: d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds() };
  }
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { day: Date.UTC(p.year!, p.month! - 1, p.day!) / DAY_MS, seconds: p.hour! * 3600 + p.minute! * 60 + p.second! };
}

/** Local minus UTC, in ms, at an instant (whole seconds). */
function offsetAt(ms: number, timezone?: string): number {
  const s = Math.floor(ms / 1000) * 1000;
  const w = wallTime(s, timezone);
  return w.day * DAY_MS + w.seconds * 1000 - s;
}

/**
 * The instants at which the wall clock shows `seconds` on local `day`: none in a
 * spring-forward gap, two in the repeated hour of autumn, else one. Ascending.
 */
export function instantsOf(day: number, seconds: number, timezone?: string): number[] {
  const guess = day * DAY_MS + seconds * 1000;
  const candidates = new Set([guess - offsetAt(guess - DAY_MS, timezone), guess - offsetAt(guess + DAY_MS, timezone)]);
  return [...candidates]
    .filter((t) => {
      const w = wallTime(t, timezone);
      return w.day === day && w.seconds === seconds;
    })
    .sort((a, b) => a - b);
}

/** The instant during local `day` at which the zone's offset changes (DST), if it does. */
export function offsetChangeOn(day: number, timezone?: string): number | undefined {
  let lo = day * DAY_MS - 14 * 3_600_000;
  let hi = (day + 1) * DAY_MS + 14 * 3_600_000;
  const before = offsetAt(lo, timezone);
  if (offsetAt(hi, timezone) === before) return undefined;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (offsetAt(mid, timezone) === before) lo = mid;
    else hi = mid;
  }
  return wallTime(hi, timezone).day === day ? hi : undefined;
}

/** The local day number of `2026-12-25`. */
export function dayOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

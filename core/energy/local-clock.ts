/**
 * Wall time over a span without an Intl call per instant: the zone's offset is read
 * once a day and bisected where it changes, so a year of hourly slots costs ~370
 * Intl calls instead of 8,760 (bench/energy).
 */
import { DAY_MS, wallTime, type Wall } from '../time/zone.js';

export interface WallClock {
  /** Shared answers: read them, never change them. */
  (ms: number): Readonly<Wall>;
  /** The first instant of a local day: its midnight, or the first wall time after a gap at midnight. */
  dayStart(day: number): number;
}

interface Segment {
  from: number;
  offset: number;
}

function offsetAt(ms: number, timezone?: string): number {
  const w = wallTime(ms, timezone);
  return w.day * DAY_MS + w.seconds * 1000 - Math.floor(ms / 1000) * 1000;
}

/** A wall clock valid for instants in [startMs, endMs] (a little beyond is fine: the last offset holds). */
export function wallClock(startMs: number, endMs: number, timezone?: string): WallClock {
  const segments: Segment[] = [{ from: -Infinity, offset: offsetAt(startMs, timezone) }];
  for (let at = startMs; at < endMs + DAY_MS; at += DAY_MS) {
    const before = segments[segments.length - 1]!.offset;
    const next = offsetAt(at + DAY_MS, timezone);
    if (next === before) continue;
    let lo = at;
    let hi = at + DAY_MS;
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (offsetAt(mid, timezone) === before) lo = mid;
      else hi = mid;
    }
    segments.push({ from: hi, offset: next });
  }
  let last = 0;
  // a tariff asks up to three times for a slot's start (its day, colour, off-peak share)
  let askedMs = NaN;
  let answer: Readonly<Wall> = { day: 0, seconds: 0 };
  const wall = (ms: number): Readonly<Wall> => {
    if (ms === askedMs) return answer;
    // slots arrive mostly in order: start from the previous answer's segment
    if (segments[last]!.from > ms) last = 0;
    while (last + 1 < segments.length && segments[last + 1]!.from <= ms) last++;
    const local = ms + segments[last]!.offset;
    const day = Math.floor(local / DAY_MS);
    askedMs = ms;
    answer = { day, seconds: Math.floor((local - day * DAY_MS) / 1000) };
    return answer;
  };
  const dayStart = (day: number): number => {
    for (let s = 0; s < 86_400; s += 1800) {
      // each offset in force around that day, earliest instant first
      const found = segments
        .map((seg) => day * DAY_MS + s * 1000 - seg.offset)
        .filter((t) => {
          const w = wall(t);
          return w.day === day && w.seconds === s;
        });
      if (found.length) return Math.min(...found);
    }
    return day * DAY_MS;
  };
  return Object.assign(wall, { dayStart });
}

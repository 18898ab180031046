/**
 * What time it is for a tariff: the share of a slot in off-peak hours, the Tempo
 * colour of the day a slot belongs to, and local-day arithmetic. Pure: recorded
 * states reach it as sorted change lists.
 */
import { DAY_MS } from '../time/zone.js';
import type { WallClock } from './local-clock.js';

export type TempoColour = 'blue' | 'white' | 'red';

/** Share (0–1) of [start, end) spent in off-peak hours. */
export type OffPeakShare = (start: number, end: number) => number;

export interface Change {
  ms: number;
  state: string | number | null;
}

const DAY_S = 86_400;
/** A Tempo day runs from 06:00 to 06:00 the next morning. */
const TEMPO_DAY_STARTS_S = 6 * 3600;

/** `22:00-06:00` → second-of-day intervals, split at midnight when the window runs over it. */
export function parseWindows(windows: readonly string[]): [number, number][] {
  const seconds = (t: string) => Number(t.slice(0, 2)) * 3600 + Number(t.slice(3, 5)) * 60;
  return windows.flatMap((w): [number, number][] => {
    const [from, to] = w.split('-').map(seconds) as [number, number];
    return to > from ? [[from, to]] : [[from, DAY_S], [0, to]];
  });
}

/** Off-peak by the local clock: the overlap of the slot's wall-clock span with the windows. */
export function clockOffPeak(windows: readonly string[], wall: WallClock): OffPeakShare {
  const spans = parseWindows(windows);
  // a loop, not reduce: called for every slot of every meter
  const overlap = (a: number, b: number) => {
    let sum = 0;
    for (const [from, to] of spans) sum += Math.max(0, Math.min(b, to) - Math.max(a, from));
    return sum;
  };
  return (start, end) => {
    const length = (end - start) / 1000;
    if (length <= 0) return 0;
    const s = wall(start).seconds;
    const inside = s + length <= DAY_S ? overlap(s, s + length) : overlap(s, DAY_S) + overlap(0, s + length - DAY_S);
    return inside / length;
  };
}

/** The state in force at an instant, from changes sorted by time (null before the first). */
export function stepLookup(changes: readonly Change[]): (ms: number) => string | number | null {
  return (ms) => {
    let lo = 0;
    let hi = changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (changes[mid]!.ms <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? null : changes[lo - 1]!.state;
  };
}

/** Off-peak as the meter reports it: the period entity's state at the slot's middle matches. */
export function reportedOffPeak(changes: readonly Change[], match: string): OffPeakShare {
  const at = stepLookup(changes);
  const pattern = new RegExp(match, 'i');
  return (start, end) => {
    const state = at((start + end) / 2);
    return state !== null && pattern.test(String(state)) ? 1 : 0;
  };
}

const COLOURS: Readonly<Record<string, TempoColour>> = { blue: 'blue', bleu: 'blue', white: 'white', blanc: 'white', red: 'red', rouge: 'red' };

export function tempoColourOf(state: string | number | null): TempoColour | undefined {
  return state === null ? undefined : COLOURS[String(state).trim().toLowerCase()];
}

/** The local day (epoch-day number) of the Tempo day containing `ms`. */
export function tempoDay(ms: number, wall: WallClock): number {
  const w = wall(ms);
  return w.seconds < TEMPO_DAY_STARTS_S ? w.day - 1 : w.day;
}

/**
 * The colour of the Tempo day each instant belongs to, read from "today's colour" at
 * 18:00 of that day (well after the meter switched at 06:00), or at `now` for the day
 * under way. Days with no recorded colour are blue, as 300 days of a Tempo year are.
 */
export function tempoColours(changes: readonly Change[], wall: WallClock, now: number): (ms: number) => TempoColour {
  const at = stepLookup(changes);
  // every slot of a Tempo day probes the same instant
  const byProbe = new Map<number, TempoColour>();
  return (ms) => {
    const w = wall(ms);
    const day = w.seconds < TEMPO_DAY_STARTS_S ? w.day - 1 : w.day;
    const probe = Math.min(ms + ((day - w.day) * DAY_S + 18 * 3600 - w.seconds) * 1000, now);
    let colour = byProbe.get(probe);
    if (colour === undefined) byProbe.set(probe, (colour = tempoColourOf(at(probe)) ?? 'blue'));
    return colour;
  };
}

/** Days in the month of a local day. */
export function daysInMonth(day: number): number {
  const d = new Date(day * DAY_MS);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

/** Splits [start, end) at local midnights: each piece's local day and its share (0–1) of that day's wall clock. */
export function localDays(start: number, end: number, wall: WallClock): { day: number; share: number }[] {
  const out: { day: number; share: number }[] = [];
  let t = start;
  while (t < end) {
    const w = wall(t);
    let next = t + (DAY_S - w.seconds) * 1000;
    // a DST change that day moves midnight by the change: land on it exactly
    const n = wall(next);
    if (n.day > w.day) next -= n.seconds * 1000;
    else next += (DAY_S - n.seconds) * 1000;
    const pieceEnd = Math.min(end, next);
    const endSeconds = pieceEnd === next ? DAY_S : wall(pieceEnd).seconds;
    out.push({ day: w.day, share: (endSeconds - w.seconds) / DAY_S });
    t = pieceEnd;
  }
  return out;
}

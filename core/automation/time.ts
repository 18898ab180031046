import { getTimes } from 'suncalc';
import { foreignZone } from '../local-zone.js';
import { WEEKDAYS } from './definition.js';

export interface Location {
  latitude: number;
  longitude: number;
  timezone?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string | undefined): Intl.DateTimeFormat {
  const key = timezone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(key, f);
  }
  return f;
}

/** Weekday (`mon`…) and seconds since local midnight of an instant, in the hub's timezone. */
export function localTime(ms: number, timezone?: string): { weekday: (typeof WEEKDAYS)[number]; seconds: number } {
  if (!foreignZone(timezone)) {
    const d = new Date(ms);
    return { weekday: WEEKDAYS[d.getDay()]!, seconds: d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds() };
  }
  const parts = Object.fromEntries(formatter(timezone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const weekday = String(parts.weekday).toLowerCase().slice(0, 3) as (typeof WEEKDAYS)[number];
  return { weekday, seconds: Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second) };
}

export function clockSeconds(hhmm: string): number {
  const [h, m, s] = hhmm.split(':').map(Number);
  return h! * 3600 + m! * 60 + (s ?? 0);
}

/**
 * Sunrise or sunset (+ offset) instants around `aroundMs`, for the days before and
 * after, skipping days the sun does not rise or set (polar day and night).
 */
export function sunEvents(event: 'sunrise' | 'sunset', aroundMs: number, location: Location, offsetMs = 0): number[] {
  const out: number[] = [];
  for (let day = -1; day <= 2; day++) {
    const t = getTimes(new Date(aroundMs + day * 86_400_000), location.latitude, location.longitude)[event]?.getTime() ?? Number.NaN;
    if (Number.isFinite(t)) out.push(t + offsetMs);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/** The first sun event strictly after `afterMs`. */
export function nextSunEvent(event: 'sunrise' | 'sunset', afterMs: number, location: Location, offsetMs = 0): number | undefined {
  for (let probe = afterMs; probe < afterMs + 366 * 86_400_000; probe += 3 * 86_400_000) {
    const hit = sunEvents(event, probe, location, offsetMs).find((t) => t > afterMs);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Today's (local day of `ms`) sun event, for conditions. */
export function sunEventOn(event: 'sunrise' | 'sunset', ms: number, location: Location, offsetMs = 0): number | undefined {
  const t = getTimes(new Date(ms), location.latitude, location.longitude)[event]?.getTime() ?? Number.NaN;
  return Number.isFinite(t) ? t + offsetMs : undefined;
}

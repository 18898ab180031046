import { minutes, type QuietHours } from '../config/index.js';
import { wallTime } from '../time/zone.js';

const DAY_S = 86_400;

/**
 * When the quiet hours around `nowMs` end, or undefined outside them. Local wall time in
 * `timezone`; the end is counted in elapsed seconds, so on a night the clocks change it
 * comes an hour early or late.
 */
export function quietUntil(quiet: QuietHours | undefined, nowMs: number, timezone?: string): number | undefined {
  if (!quiet) return undefined;
  const now = wallTime(nowMs, timezone).seconds;
  const from = minutes(quiet.from) * 60;
  const to = minutes(quiet.to) * 60;
  const inside = from < to ? now >= from && now < to : now >= from || now < to;
  if (!inside) return undefined;
  return nowMs - (nowMs % 1000) + (((to - now + DAY_S) % DAY_S) * 1000);
}

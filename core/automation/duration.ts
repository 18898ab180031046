import { z } from 'zod';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const UNITS = /^(-?)((?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+)$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
const CLOCK = /^(-?)(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Parses `90` (seconds), `"30s"`, `"2m"`, `"1h30m"`, `"01:30:00"`; a leading `-` is
 * allowed (sun offsets). Returns milliseconds, or undefined when it is not a duration.
 */
export function parseDuration(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 1000) : undefined;
  const text = value.trim().replace(/\s+/g, '');
  const units = UNITS.exec(text);
  if (units) {
    let ms = 0;
    for (const [, amount, unit] of units[2]!.matchAll(PART)) ms += Number(amount) * UNIT_MS[unit!]!;
    return Math.round(units[1] ? -ms : ms);
  }
  const clock = CLOCK.exec(text);
  if (clock) {
    const ms = (Number(clock[2]) * 3600 + Number(clock[3]) * 60 + Number(clock[4] ?? 0)) * 1000;
    return clock[1] ? -ms : ms;
  }
  return undefined;
}

const DURATION_HINT = 'expected a duration: seconds as a number, or a string like "30s", "2m", "1h30m" or "01:30:00"';

/** A duration in milliseconds; `signed` allows negative offsets. */
export function durationSchema(signed = false) {
  return z.union([z.number(), z.string()]).transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined || (!signed && ms < 0)) {
      ctx.addIssue({ code: 'custom', message: ms === undefined ? DURATION_HINT : 'a duration cannot be negative here' });
      return z.NEVER;
    }
    return ms;
  });
}

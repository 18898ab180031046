import { readlinkSync } from 'node:fs';

/**
 * The zone that Intl-based code (Intl.DateTimeFormat, croner's `timezone`) must be
 * given to compute wall time in `timeZone`, or undefined when this process's local
 * Date methods already run in that zone. The first Intl.DateTimeFormat maps ~7 MB of
 * ICU locale data that an idle hub never needs otherwise (docs/benchmarks.md#footprint),
 * and on a Pi the system zone normally is the house's. Only an exact name match counts;
 * anything else takes the Intl path, which is always right.
 */
export function foreignZone(timeZone: string | undefined): string | undefined {
  return timeZone === undefined || timeZone === processZone() ? undefined : timeZone;
}

/** The IANA name of the zone local Date methods use, read where ICU reads it: TZ, else the /etc/localtime link. */
export function processZone(): string | undefined {
  const tz = process.env.TZ;
  if (tz !== undefined) return tz.startsWith(':') ? tz.slice(1) : tz;
  return (systemZone ??= linkedZone());
}

let systemZone: string | undefined;

function linkedZone(): string {
  try {
    return /\/zoneinfo\/(.+)$/.exec(readlinkSync('/etc/localtime'))?.[1] ?? '';
  } catch {
    return '';
  }
}

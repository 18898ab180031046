import { afterEach, describe, expect, it } from 'vitest';
import { localTime } from '../../../core/automation/time.js';
import { localDayStart } from '../../../core/history/timezone.js';
import { foreignZone, processZone } from '../../../core/local-zone.js';

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

// Around both 2025 DST switches in Paris, at local midnight and the switch hours.
const INSTANTS = [
  '2025-03-29T22:59:59Z', '2025-03-29T23:00:00Z', '2025-03-30T00:59:59Z', '2025-03-30T01:00:00Z', '2025-03-30T12:00:00Z',
  '2025-10-25T21:59:59Z', '2025-10-25T22:00:00Z', '2025-10-26T00:30:00Z', '2025-10-26T01:00:00Z', '2025-10-26T23:00:00Z',
  '2025-06-15T21:30:00Z', '2025-12-31T23:30:00Z',
].map(Date.parse);

/** Results for a zone the process does not run in (Intl) and then for the same zone as the process's own (Date getters). */
function bothPaths<T>(zone: string, compute: () => T): { intl: T; local: T } {
  process.env.TZ = 'America/New_York';
  expect(foreignZone(zone)).toBe(zone);
  const intl = compute();
  process.env.TZ = zone;
  expect(foreignZone(zone)).toBeUndefined();
  return { intl, local: compute() };
}

describe('local zone', () => {
  it('reads the zone local Date methods use from TZ', () => {
    process.env.TZ = ':Europe/Paris';
    expect(processZone()).toBe('Europe/Paris');
    expect(foreignZone('Europe/Paris')).toBeUndefined();
    expect(foreignZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(foreignZone(undefined)).toBeUndefined();
  });

  it('gives the same local day starts through Date getters as through Intl, across DST switches', () => {
    const { intl, local } = bothPaths('Europe/Paris', () => INSTANTS.map((ms) => localDayStart(ms, 'Europe/Paris')));
    expect(local).toEqual(intl);
    expect(new Date(local[4]!).toISOString()).toBe('2025-03-29T23:00:00.000Z');
  });

  it('gives the same weekday and time of day through Date getters as through Intl', () => {
    const { intl, local } = bothPaths('Europe/Paris', () => INSTANTS.map((ms) => localTime(ms, 'Europe/Paris')));
    expect(local).toEqual(intl);
    expect(local[1]).toEqual({ weekday: 'sun', seconds: 0 });
  });
});

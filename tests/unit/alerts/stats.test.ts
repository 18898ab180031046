import { describe, expect, it } from 'vitest';
import { statsWindow, tallyAlerts } from '../../../core/alerts/index.js';

const at = (iso: string) => Date.parse(iso);

describe('statsWindow', () => {
  const now = at('2026-03-31T12:00:00Z');
  it('goes one period back from now, or from end', () => {
    expect(statsWindow('day', now)).toEqual({ startMs: at('2026-03-30T12:00:00Z'), endMs: now });
    expect(statsWindow('week', now, undefined, at('2026-03-10T00:00:00Z'))).toEqual({ startMs: at('2026-03-03T00:00:00Z'), endMs: at('2026-03-10T00:00:00Z') });
    // A calendar month, however long
    expect(statsWindow('month', at('2026-03-15T00:00:00Z'))).toEqual({ startMs: at('2026-02-15T00:00:00Z'), endMs: at('2026-03-15T00:00:00Z') });
  });
  it('goes one period forward from start alone; start and end together win', () => {
    expect(statsWindow('week', now, at('2026-01-01T00:00:00Z'))).toEqual({ startMs: at('2026-01-01T00:00:00Z'), endMs: at('2026-01-08T00:00:00Z') });
    expect(statsWindow('day', now, at('2026-01-01T00:00:00Z'), at('2026-01-03T00:00:00Z'))).toEqual({ startMs: at('2026-01-01T00:00:00Z'), endMs: at('2026-01-03T00:00:00Z') });
  });
});

describe('tallyAlerts', () => {
  const window = { startMs: at('2026-07-01T00:00:00Z'), endMs: at('2026-07-02T00:00:00Z') };
  const rows = [
    { severity: 'critical', entityId: 'binary_sensor.door', raisedAt: at('2026-07-01T01:30:00Z') },
    { severity: 'warning', entityId: 'binary_sensor.door', raisedAt: at('2026-07-01T01:59:59Z') },
    { severity: 'info', entityId: null, raisedAt: at('2026-07-01T22:00:00Z') },
    { severity: 'warning', entityId: 'sensor.disk', raisedAt: at('2026-07-01T22:10:00Z') },
  ] as const;

  it('counts by severity, by entity (most first, no entity left out) and by hour of the hub wall clock', () => {
    const stats = tallyAlerts(rows, window, 'Europe/Paris');
    expect(stats.total).toBe(4);
    expect(stats.bySeverity).toEqual({ info: 1, warning: 2, critical: 1 });
    expect(stats.byEntity).toEqual([
      { entityId: 'binary_sensor.door', count: 2 },
      { entityId: 'sensor.disk', count: 1 },
    ]);
    expect(stats.byHour).toHaveLength(24);
    // Paris is UTC+2 in July: 01:30Z is 03 h, 22:00Z is 00 h the next day
    expect(stats.byHour[3]).toEqual({ hour: 3, total: 2, info: 0, warning: 1, critical: 1 });
    expect(stats.byHour[0]).toEqual({ hour: 0, total: 2, info: 1, warning: 1, critical: 0 });
    expect(stats.byHour.reduce((n, h) => n + h.total, 0)).toBe(4);
    expect(stats).toMatchObject({ start: '2026-07-01T00:00:00.000Z', end: '2026-07-02T00:00:00.000Z' });
  });

  it('in UTC the same alerts fall in other hours', () => {
    const stats = tallyAlerts(rows, window, 'UTC');
    expect(stats.byHour[1]!.total).toBe(2);
    expect(stats.byHour[22]!.total).toBe(2);
  });
});

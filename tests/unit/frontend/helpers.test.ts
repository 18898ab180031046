import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EntityState } from '../../../frontend/src/api/types.js';
import { backoffDelay } from '../../../frontend/src/lib/backoff.js';
import { formatDuration, formatNumber, formatRelative, formatState } from '../../../frontend/src/lib/format.js';
import { predictState } from '../../../frontend/src/lib/optimistic.js';
import { parseRoute, routePath, type Route } from '../../../frontend/src/lib/router.js';
import { downsampleMinMax, sparklinePath, numericPoints } from '../../../frontend/src/lib/sparkline.js';
import { groupByArea } from '../../../frontend/src/lib/entities.js';

const entity = (over: Partial<EntityState>): EntityState => ({
  id: 'light.hall', domain: 'light', name: 'Hall', area: 'hall', state: 'off', attributes: {}, available: true,
  lastChanged: '2024-01-01T00:00:00Z', lastUpdated: '2024-01-01T00:00:00Z', context: { id: 'c' }, ...over,
});

describe('backoffDelay', () => {
  it('grows exponentially up to the cap without jitter', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, { baseMs: 100, jitter: 0 }))).toEqual([100, 200, 400, 800]);
    expect(backoffDelay(50, { baseMs: 100, maxMs: 5000, jitter: 0 })).toBe(5000);
  });
  it('stays within the jitter band and never exceeds the cap', () => {
    fc.assert(fc.property(fc.nat(40), fc.double({ min: 0, max: 0.999, noNaN: true }), (attempt, r) => {
      const d = backoffDelay(attempt, { baseMs: 500, maxMs: 30_000, jitter: 0.3 }, () => r);
      const exp = Math.min(30_000, 500 * 2 ** Math.min(attempt, 30));
      return d >= Math.floor(exp * 0.7) && d <= 30_000;
    }));
  });
});

describe('format', () => {
  it('formats numbers by unit', () => {
    expect(formatNumber(21.456, '°C')).toBe('21.5°C');
    expect(formatNumber(48.4, '%')).toBe('48%');
    expect(formatNumber(1013.2, 'hPa')).toBe('1,013 hPa');
  });
  it('says what a state means for its domain and device class', () => {
    expect(formatState(entity({ state: 'on', attributes: { brightness: 80 } }))).toBe('On · 80%');
    expect(formatState(entity({ domain: 'binary_sensor', state: 'on', attributes: { deviceClass: 'door' } }))).toBe('Open');
    expect(formatState(entity({ domain: 'cover', state: 'opening', attributes: { position: 40, targetPosition: 100 } }))).toBe('Opening · 40% → 100%');
    expect(formatState(entity({ available: false }))).toBe('Unavailable');
    expect(formatState(entity({ state: null }))).toBe('Unknown');
  });
  it('formats relative times and durations', () => {
    const now = Date.parse('2024-01-01T12:00:00Z');
    expect(formatRelative('2024-01-01T11:59:50Z', now)).toBe('just now');
    expect(formatRelative('2024-01-01T11:55:00Z', now)).toBe('5 min ago');
    expect(formatRelative('2024-01-01T09:00:00Z', now)).toBe('3 h ago');
    expect(formatDuration(65_000)).toBe('1 min 5 s');
    expect(formatDuration(250)).toBe('250 ms');
  });
});

describe('sparkline', () => {
  it('keeps each bucket minimum and maximum in time order', () => {
    const pts = Array.from({ length: 1000 }, (_, i) => [i, i === 500 ? 99 : i % 7] as const);
    const out = downsampleMinMax(pts, 50);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(Math.max(...out.map((p) => p[1]))).toBe(99);
    expect(out.map((p) => p[0])).toEqual([...out.map((p) => p[0])].sort((a, b) => a - b));
  });
  it('never invents points and keeps the extremes (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 500 }), fc.integer({ min: 1, max: 40 }), (ys, buckets) => {
      const pts = ys.map((y, i) => [i, y] as const);
      const out = downsampleMinMax(pts, buckets);
      return out.every((p) => pts.includes(p)) && Math.min(...out.map((p) => p[1])) === Math.min(...ys) && Math.max(...out.map((p) => p[1])) === Math.max(...ys);
    }));
  });
  it('draws a path inside the box and drops non-numeric points', () => {
    expect(sparklinePath([[0, 0], [10, 10]], 100, 20, 0)).toBe('M0.0 20.0 L100.0 0.0');
    expect(numericPoints([[1, 2], [2, null], [3, 'on']])).toEqual([[1, 2]]);
  });
});

describe('optimistic state', () => {
  it('predicts on/off, brightness and cover movement', () => {
    expect(predictState(entity({}), 'toggle')?.state).toBe('on');
    expect(predictState(entity({}), 'turn_on', { brightness: 30 })?.attributes.brightness).toBe(30);
    const cover = entity({ domain: 'cover', state: 'closed', attributes: { position: 0 } });
    expect(predictState(cover, 'set_position', { position: 60 })).toMatchObject({ state: 'opening', attributes: { targetPosition: 60 } });
    expect(predictState(cover, 'close')).toBeUndefined();
    expect(predictState(cover, 'stop')).toBeUndefined();
  });
});

describe('router', () => {
  it('round-trips every route', () => {
    const routes: Route[] = [{ page: 'home' }, { page: 'entity', id: 'sensor.a_b' }, { page: 'automations' }, { page: 'automation', id: 'x y' }, { page: 'logbook' }, { page: 'schedule', id: 'bed room' }, { page: 'settings', tab: 'tokens' }, { page: 'invite', code: 'K7MP-9QRT' }, { page: 'invite', code: '' }];
    for (const r of routes) expect(parseRoute(routePath(r))).toEqual(r);
    expect(parseRoute('/settings/users')).toEqual({ page: 'settings', tab: 'people' });
    expect(parseRoute('/settings/nope')).toEqual({ page: 'settings', tab: 'plugins' });
    expect(parseRoute('/whatever')).toEqual({ page: 'home' });
    expect(parseRoute('/schedules')).toEqual({ page: 'home' });
  });
});

describe('groupByArea', () => {
  it('orders areas as configured, then others, then Other', () => {
    const list = [entity({ id: 'a.1', area: null }), entity({ id: 'a.2', area: 'zoo' }), entity({ id: 'a.3', area: 'kitchen' }), entity({ id: 'a.4', area: 'hall' })];
    expect(groupByArea(list, ['kitchen', 'hall']).map((s) => s.title)).toEqual(['Kitchen', 'Hall', 'Zoo', 'Other']);
  });
});

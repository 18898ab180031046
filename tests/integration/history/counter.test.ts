import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEnv } from '../../../core/api/env.js';
import { errorResponse } from '../../../core/api/errors.js';
import { createHistoryRoutes } from '../../../core/api/routes/history.js';
import { silentLogger } from '../../../core/log.js';
import { createRig, type Rig } from './helpers.js';

const T0 = Date.parse('2025-01-01T00:00:00Z');
const MIN = 60_000;
const METER = { unit: 'kWh', deviceClass: 'energy', stateClass: 'total_increasing' };
let rig: Rig;
afterEach(() => rig?.close());

/**
 * A meter read every 10 minutes for three hours: +0.5 kWh a reading, replaced at
 * 01:30 by a new one showing 0.2 (a reset: 0.2 kWh consumed, not -1003.3).
 */
async function recordMeter(): Promise<void> {
  rig = createRig({ start: T0 - 10_000 });
  await rig.recorder.start();
  rig.add('sensor.meter', METER);
  rig.add('sensor.t', { unit: '°C', stateClass: 'measurement' });
  let index = 1000;
  for (let m = 0; m < 180; m += 10) {
    rig.clock.now = T0 + m * MIN;
    index = m === 90 ? 0.2 : index + 0.5;
    rig.set('sensor.meter', index);
    rig.set('sensor.t', 20 + m / 60);
  }
  rig.recorder.flush();
}

/** The history routes over the recorded meter, rolled up, for a signed-in member. */
async function routesOverMeter() {
  await recordMeter();
  rig.clock.now = T0 + 3 * 60 * MIN + 10 * MIN;
  await rig.recorder.maintain();
  const app = new Hono<ApiEnv>();
  app.onError((err, c) => errorResponse(err, c, silentLogger()));
  app.use(async (c, next) => {
    c.set('user', { id: 'u1', username: 'alice', role: 'member' });
    await next();
  });
  app.route('/api', createHistoryRoutes({ queries: rig.queries(), now: () => rig.clock.now }));
  return app;
}

const changes = (rows: { change?: number }[]) => rows.map((r) => r.change);
const sums = (rows: { sum?: number }[]) => rows.map((r) => r.sum);

describe('counter statistics', () => {
  it('carry change and a running sum per 5 minutes, hour and day, a meter replacement counted from 0', async () => {
    await recordMeter();
    rig.clock.now = T0 + 3 * 60 * MIN + 10 * MIN;
    const live = rig.queries();
    // the first reading starts the count at 0; the replacement at 01:30 adds 0.2
    const expectHours = (rows: { change?: number; sum?: number }[]) => {
      expect(changes(rows).map((c) => +c!.toFixed(6))).toEqual([2.5, 1.5 + 0.2 + 1, 3]);
      expect(sums(rows).map((s) => +s!.toFixed(6))).toEqual([2.5, 5.2, 8.2]);
    };
    expectHours(live.statistics('sensor.meter', '1h', T0, T0 + 3 * 60 * MIN).rows);

    await rig.recorder.maintain();
    const stored = rig.queries();
    expectHours(stored.statistics('sensor.meter', '1h', T0, T0 + 3 * 60 * MIN).rows);
    const fiveMinutes = stored.statistics('sensor.meter', '5m', T0 + 80 * MIN, T0 + 100 * MIN).rows;
    expect(fiveMinutes.map((r) => [(r.start - T0) / MIN, +r.change!.toFixed(6), +r.sum!.toFixed(6)])).toEqual([[80, 0.5, 4], [90, 0.2, 4.2], [100, 0.5, 4.7]]);
    expect(fiveMinutes.every((r) => r.change! >= 0)).toBe(true);
    const [day] = stored.statistics('sensor.meter', '1d', T0, T0 + 3 * 60 * MIN).rows;
    expect(+day!.change!.toFixed(6)).toBe(8.2);
    expect(+day!.sum!.toFixed(6)).toBe(8.2);
    expect(stored.statistics('sensor.t', '1h', T0, T0 + 60 * MIN).rows[0]).not.toHaveProperty('change');
  });

  it('go on from the stored sum after the rollup, and a later query window does not restart it', async () => {
    await recordMeter();
    rig.clock.now = T0 + 100 * MIN;
    await rig.recorder.maintain();
    rig.clock.now = T0 + 3 * 60 * MIN + 10 * MIN;
    const rows = rig.queries().statistics('sensor.meter', '5m', T0 + 170 * MIN, T0 + 175 * MIN).rows;
    expect(rows.map((r) => [+r.change!.toFixed(6), +r.sum!.toFixed(6)])).toEqual([[0.5, 8.2]]);
  });

  it('are served by GET /api/statistics/:id', async () => {
    const app = await routesOverMeter();
    const res = await app.request(`/api/statistics/sensor.meter?period=1h&start=${T0}&end=${T0 + 3 * 60 * MIN}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: { start: string; change: number; sum: number }[] };
    expect(body.rows.map((r) => [r.start, +r.change.toFixed(6), +r.sum.toFixed(6)])).toEqual([
      ['2025-01-01T00:00:00.000Z', 2.5, 2.5],
      ['2025-01-01T01:00:00.000Z', 2.7, 5.2],
      ['2025-01-01T02:00:00.000Z', 3, 8.2],
    ]);
  });

  it('are exported as CSV, hourly and daily, with 400 on bad parameters', async () => {
    const app = await routesOverMeter();
    const hourly = await app.request(`/api/statistics/sensor.meter.csv?period=hour&start=${T0}&end=${T0 + 3 * 60 * MIN}`);
    expect(hourly.status).toBe(200);
    expect(hourly.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(hourly.headers.get('content-disposition')).toBe('attachment; filename="sensor.meter-hour.csv"');
    const lines = (await hourly.text()).split('\r\n');
    expect(lines[0]).toBe('start,mean,min,max,count,change,sum');
    expect(lines.slice(1, -1).map((l) => l.split(',')).map(([start, , , , count, change, sum]) => [start, count, +(+change!).toFixed(6), +(+sum!).toFixed(6)])).toEqual([
      ['2025-01-01T00:00:00.000Z', '6', 2.5, 2.5],
      ['2025-01-01T01:00:00.000Z', '6', 2.7, 5.2],
      ['2025-01-01T02:00:00.000Z', '6', 3, 8.2],
    ]);
    expect(lines.at(-1)).toBe('');

    const daily = await app.request(`/api/statistics/sensor.meter.csv?period=day&start=${new Date(T0).toISOString()}&end=${T0 + 3 * 60 * MIN}`);
    expect((await daily.text()).split('\r\n')[1]).toMatch(/^2025-01-01T00:00:00\.000Z,.*,18,8\.2\d*,8\.2\d*$/);
    const plain = await app.request(`/api/statistics/sensor.t.csv?start=${T0}&end=${T0 + 60 * MIN}`);
    expect((await plain.text()).split('\r\n')[0]).toBe('start,mean,min,max,count');

    for (const query of ['period=1h', 'period=week', `start=${T0 + MIN}&end=${T0}`, 'start=yesterday']) {
      const bad = await app.request(`/api/statistics/sensor.meter.csv?${query}`);
      expect(bad.status, query).toBe(400);
      expect(await bad.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect((await app.request('/api/statistics/sensor.nothing.csv')).status).toBe(404);
  });
});

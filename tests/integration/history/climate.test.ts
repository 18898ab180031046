import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEnv } from '../../../core/api/env.js';
import { errorResponse } from '../../../core/api/errors.js';
import { createHistoryRoutes } from '../../../core/api/routes/history.js';
import { silentLogger } from '../../../core/log.js';
import { createRig, type Rig } from './helpers.js';

const T0 = Date.parse('2025-01-01T00:00:00Z');
const MIN = 60_000;
let rig: Rig;
afterEach(() => rig?.close());

function app() {
  const hono = new Hono<ApiEnv>();
  hono.onError((err, c) => errorResponse(err, c, silentLogger()));
  hono.use(async (c, next) => {
    c.set('user', { id: 'u1', username: 'alice', role: 'member' });
    await next();
  });
  hono.route('/api', createHistoryRoutes({ queries: rig.queries(), now: () => rig.clock.now }));
  return hono;
}

/** Heating 00:00–00:45 and 01:30–02:00, the thermostat's attributes changing in between. */
function heatTwice() {
  const at = (minutes: number, attributes: Record<string, unknown>) => {
    rig.clock.now = T0 + minutes * MIN;
    rig.set('climate.bedroom', 'heat', attributes);
  };
  rig.add('climate.bedroom', { currentTemperature: 18, targetTemperature: 20, hvacAction: 'heating' });
  rig.set('climate.bedroom', 'heat');
  at(30, { currentTemperature: 19.5 });
  at(45, { currentTemperature: 20.2, hvacAction: 'idle' });
  at(90, { currentTemperature: 19, hvacAction: 'heating' });
  at(120, { currentTemperature: 20, hvacAction: 'idle' });
  rig.clock.now = T0 + 150 * MIN;
  rig.kernel.states.update('climate.bedroom', { available: false });
  rig.clock.now = T0 + 180 * MIN;
}

describe('climate history', () => {
  it('records current, target and heating as series and serves them with the hvac mode', async () => {
    rig = createRig({ start: T0 });
    await rig.recorder.start();
    heatTwice();
    rig.recorder.flush();

    const res = await app().request(`/api/history/climate.bedroom?start=${T0}&end=${T0 + 180 * MIN}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      entityId: 'climate.bedroom',
      // the entity's own rows, as for any text state: one per update
      points: [[T0, 'heat'], ...[30, 45, 90, 120].map((m) => [T0 + m * MIN, 'heat']), [T0 + 150 * MIN, null]],
      series: {
        current: [[T0, 18], [T0 + 30 * MIN, 19.5], [T0 + 45 * MIN, 20.2], [T0 + 90 * MIN, 19], [T0 + 120 * MIN, 20]],
        // one row per change, not per attribute update
        target: [[T0, 20]],
        heating: [[T0, 'on'], [T0 + 45 * MIN, 'off'], [T0 + 90 * MIN, 'on'], [T0 + 120 * MIN, 'off'], [T0 + 150 * MIN, null]],
      },
    });
  });

  it('reports heating hours per hour and per day, before and after the rollup', async () => {
    rig = createRig({ start: T0 });
    await rig.recorder.start();
    heatTwice();
    rig.recorder.flush();
    const hono = app();
    const rowsOf = async (url: string) => ((await (await hono.request(url)).json()) as { rows: unknown[] }).rows;
    const expectDuty = async () => {
      const hours = await rowsOf(`/api/statistics/climate.bedroom?period=1h&start=${T0}&end=${T0 + 180 * MIN}`);
      expect(hours).toEqual([
        expect.objectContaining({ start: new Date(T0).toISOString(), min: 18, max: 20.2, heatingHours: 0.75 }),
        expect.objectContaining({ start: new Date(T0 + 60 * MIN).toISOString(), min: 19, max: 19, heatingHours: 0.5 }),
        expect.objectContaining({ start: new Date(T0 + 120 * MIN).toISOString(), min: 20, max: 20, heatingHours: 0 }),
      ]);
      const days = await rowsOf(`/api/statistics/climate.bedroom?period=1d&start=${T0}&end=${T0 + 180 * MIN}`);
      expect(days).toEqual([expect.objectContaining({ start: new Date(T0).toISOString(), heatingHours: 1.25 })]);
    };
    await expectDuty();
    await rig.recorder.maintain();
    await expectDuty();
  });
});

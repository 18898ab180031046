import { afterEach, expect, it } from 'vitest';
import { createRig, type Rig } from './helpers.js';

const T0 = Date.parse('2025-01-01T00:00:00Z');
const MIN = 60_000;
let rig: Rig;
afterEach(() => rig?.close());

const count = (table: string) => (rig.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function drive(id: string, readings: number, stepMs: number) {
  for (let i = 0; i < readings; i++) {
    rig.clock.now += stepMs;
    rig.set(id, i);
  }
}

it('commits to the time-ordered staging table and folds it into states once the fold interval has passed', async () => {
  rig = createRig({ start: T0 });
  await rig.recorder.start();
  await rig.recorder.maintain();
  rig.add('sensor.a');
  rig.add('sensor.b');
  for (let i = 1; i <= 30; i++) {
    rig.clock.now = T0 + i * MIN;
    rig.set('sensor.a', i);
    rig.set('sensor.b', -i);
    rig.recorder.flush();
  }
  expect([count('states_staged'), count('states')]).toEqual([62, 0]);
  const before = rig.queries().history('sensor.b', T0, T0 + 2 * 60 * MIN, 1000).points;
  expect(before).toHaveLength(30);
  expect(before.at(-1)).toEqual([T0 + 30 * MIN, -30]);

  rig.clock.now = T0 + 60 * MIN;
  rig.set('sensor.a', 99);
  rig.recorder.flush();
  expect([count('states_staged'), count('states')]).toEqual([0, 63]);
  expect(rig.queries().history('sensor.b', T0, T0 + 2 * 60 * MIN, 1000).points).toEqual(before);
  // the fold ran the rollup: the 5-minute windows holding the readings of minutes 1–30 (7 per sensor) are stored
  expect((rig.database.sqlite.prepare('SELECT count(*) AS n FROM statistics WHERE period = 300000').get() as { n: number }).n).toBe(14);
  expect(rig.database.sqlite.prepare('PRAGMA page_size').get()).toEqual({ page_size: 1024 });
});

it('folds the leftovers of a crashed run at start, and reads across both tables meanwhile', async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/hearth-staging-`);
  rig = createRig({ dir, start: T0 });
  await rig.recorder.start();
  rig.add('light.hall');
  rig.set('light.hall', 'on');
  rig.recorder.flush();
  await rig.recorder.maintain();
  const folded = count('states');
  rig.clock.now += MIN;
  rig.set('light.hall', 'off');
  rig.recorder.flush();
  expect([count('states_staged'), count('states')]).toEqual([1, folded]);
  // the state in force at a time is the latest of either table
  expect(rig.queries().statesBetween(['light.hall'], T0 + 2 * MIN, T0 + 3 * MIN).map((s) => s.state)).toEqual(['off']);
  expect(rig.queries().statesBetween(['light.hall'], T0 + 30_000, T0 + 3 * MIN).map((s) => s.state)).toEqual(['on', 'off']);
  // a crash: the database is closed without the recorder's stop
  rig.database.close();
  rig = createRig({ dir, start: T0 + 10 * MIN });
  await rig.recorder.start();
  expect([count('states_staged'), count('states')]).toEqual([0, folded + 1]);
  expect(rig.queries().statesBetween(['light.hall'], T0, T0 + 3 * MIN).map((s) => s.state)).toEqual(['on', 'off']);
});

it('serves statistics for windows not yet rolled up, computed from staged rows', async () => {
  rig = createRig({ start: T0 });
  await rig.recorder.start();
  rig.add('sensor.t');
  drive('sensor.t', 12 * 60, 1000);
  rig.recorder.flush();
  expect(count('statistics')).toBe(0);
  const q = rig.queries();
  // 12 minutes in: two complete windows, the third still open
  expect(q.statistics('sensor.t', '5m', T0, rig.clock.now).rows).toEqual([
    { start: T0, mean: 149, min: 0, max: 298, count: 299 },
    { start: T0 + 5 * MIN, mean: 448.5, min: 299, max: 598, count: 300 },
  ]);
  expect(q.statistics('sensor.t', '1h', T0, rig.clock.now).rows).toEqual([{ start: T0, mean: 299, min: 0, max: 598, count: 599 }]);
  expect(q.statistics('sensor.t', '1d', T0, rig.clock.now).rows).toMatchObject([{ start: T0, count: 599 }]);
});

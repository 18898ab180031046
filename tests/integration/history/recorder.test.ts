import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContext, type EventMap } from '../../../core/kernel/index.js';
import { createRig, type Rig } from './helpers.js';

const T0 = Date.parse('2025-01-01T00:00:00Z');
const MIN = 60_000;
let rig: Rig;
afterEach(() => rig?.close());

/** One reading every `stepMs` from the rig's clock on, `value(i)` each. */
function drive(id: string, count: number, stepMs: number, value: (i: number) => number) {
  for (let i = 0; i < count; i++) {
    rig.clock.now += stepMs;
    rig.set(id, value(i));
  }
}

describe('recorder', () => {
  it('writes nothing until a commit, then everything in one transaction', async () => {
    rig = createRig({ start: T0 });
    await rig.recorder.start();
    rig.add('sensor.t', { unit: '°C' });
    drive('sensor.t', 5, 1000, (i) => 20 + i);
    expect(rig.database.sqlite.prepare('SELECT count(*) AS n FROM states').get()).toEqual({ n: 0 });
    expect(rig.recorder.stats()).toMatchObject({ queued: 6, commits: 0 });
    rig.recorder.flush();
    expect(rig.recorder.stats()).toMatchObject({ queued: 0, commits: 1, dropped: 0 });
    expect(rig.queries().history('sensor.t', T0, T0 + MIN, 500).points).toEqual([1, 2, 3, 4, 5].map((s, i) => [T0 + s * 1000, 20 + i]));
  });

  it('stores on/off and text states, deduplicates attributes, and replays them with statesBetween', async () => {
    rig = createRig({ start: T0 });
    await rig.recorder.start();
    rig.add('sensor.t', { unit: '°C', deviceClass: 'temperature' });
    rig.add('light.hall');
    rig.add('cover.living');
    drive('sensor.t', 200, 1000, (i) => i / 10);
    rig.set('light.hall', 'on', { brightness: 80 });
    rig.clock.now += 1000;
    rig.set('cover.living', 'opening', { position: 10 });
    rig.clock.now += 1000;
    rig.set('cover.living', 'open', { position: 100 });
    await rig.recorder.stop();
    const attributeSets = rig.database.sqlite.prepare('SELECT count(*) AS n FROM history_attributes').get();
    expect(attributeSets).toEqual({ n: 4 });
    const replay = rig.queries().statesBetween(['light.hall', 'cover.living'], T0 + 150_000, T0 + 300_000);
    expect(replay.map(({ entityId, state }) => [entityId, state])).toEqual([
      ['light.hall', null],
      ['cover.living', null],
      ['light.hall', 'on'],
      ['cover.living', 'opening'],
      ['cover.living', 'open'],
    ]);
    expect(replay.at(-1)).toMatchObject({ attributes: { position: 100 } });
    expect(rig.queries().history('light.hall', T0 + 150_000, T0 + 300_000, 500).points).toEqual([[T0 + 150_000, null], [T0 + 200_000, 'on']]);
  });

  it('keeps the text states of enum sensors and the numbers of number entities', async () => {
    rig = createRig({ start: T0 });
    await rig.recorder.start();
    rig.add('sensor.tariff', { deviceClass: 'enum', options: ['peak', 'off_peak'] });
    rig.add('number.boiler', { min: 30, max: 70 });
    rig.set('sensor.tariff', 'peak');
    rig.set('number.boiler', 55);
    rig.clock.now += 60_000;
    rig.set('sensor.tariff', 'off_peak');
    rig.set('number.boiler', 60.5);
    await rig.recorder.stop();
    const replay = rig.queries().statesBetween(['sensor.tariff', 'number.boiler'], T0, T0 + 120_000);
    expect(replay.map(({ entityId, state }) => [entityId, state])).toEqual([
      ['sensor.tariff', 'peak'],
      ['number.boiler', 55],
      ['sensor.tariff', 'off_peak'],
      ['number.boiler', 60.5],
    ]);
  });

  it('writes a large commit in slices with the event loop free between them, and only what was queued when it began', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setImmediate', 'clearImmediate'] });
    try {
      rig = createRig({ start: T0 });
      await rig.recorder.start();
      rig.add('sensor.t');
      drive('sensor.t', 4499, 10, (i) => i);
      const staged = () => rig.database.sqlite.prepare('SELECT count(*) AS n FROM states_staged').get();
      vi.advanceTimersByTime(60_000);
      expect(staged()).toEqual({ n: 2000 });
      expect(rig.recorder.stats()).toMatchObject({ queued: 2500, commits: 0 });
      drive('sensor.t', 1, 10, () => -1);
      vi.advanceTimersToNextTimer();
      expect(staged()).toEqual({ n: 4000 });
      vi.advanceTimersToNextTimer();
      expect(staged()).toEqual({ n: 4500 });
      expect(rig.recorder.stats()).toMatchObject({ queued: 1, commits: 1 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps memory bounded when commits cannot keep up, counting what it drops', async () => {
    rig = createRig({ start: T0, maxQueue: 10 });
    await rig.recorder.start();
    rig.add('sensor.t');
    drive('sensor.t', 30, 1000, (i) => i);
    expect(rig.recorder.stats()).toMatchObject({ queued: 10, dropped: 21 });
  });

  it('rolls up 5-minute and hourly statistics and downsamples long spans from them, spikes included', async () => {
    rig = createRig({ start: T0 - 10_000 });
    await rig.recorder.start();
    rig.add('sensor.t');
    rig.add('binary_sensor.motion');
    rig.set('binary_sensor.motion', 'off');
    drive('sensor.t', 6 * 60 * 3, 10_000, (i) => (i === 700 ? 99 : i === 900 ? -40 : 20 + (i % 6)));
    rig.clock.now = T0 + 30 * MIN;
    rig.set('binary_sensor.motion', 'on');
    rig.clock.now = T0 + 45 * MIN;
    rig.set('binary_sensor.motion', 'off');
    rig.clock.now = T0 + 3 * 60 * MIN + 5 * MIN;
    rig.recorder.flush();
    await rig.recorder.maintain();
    const q = rig.queries();
    const hourly = q.statistics('sensor.t', '1h', T0, T0 + 3 * 60 * MIN).rows;
    expect(hourly.map((r) => r.count)).toEqual([360, 360, 360]);
    expect(hourly[1]).toMatchObject({ min: 20, max: 99 });
    expect(hourly[2]).toMatchObject({ min: -40 });
    const motion = q.statistics('binary_sensor.motion', '1h', T0, T0 + 60 * MIN).rows;
    expect(motion[0]!.mean).toBeCloseTo(0.25);
    const fiveMinutes = q.statistics('binary_sensor.motion', '5m', T0 + 30 * MIN, T0 + 40 * MIN).rows;
    expect(fiveMinutes.map((r) => r.mean)).toEqual([1, 1, 1]);

    const { points } = q.history('sensor.t', T0, T0 + 3 * 60 * MIN, 20);
    expect(points.length).toBeLessThanOrEqual(20);
    const values = points.map(([, v]) => v as number);
    expect(Math.max(...values)).toBe(99);
    expect(Math.min(...values)).toBe(-40);
    expect(points.map(([ms]) => ms)).toEqual([...points.map(([ms]) => ms)].sort((a, b) => a - b));
  });

  it('gives day statistics in the configured time zone', async () => {
    rig = createRig({ start: Date.parse('2025-06-14T20:00:00Z') - 10_000, timezone: 'Europe/Paris' });
    await rig.recorder.start();
    rig.add('sensor.t');
    drive('sensor.t', 6 * 60 * 4, 10_000, (i) => i);
    rig.clock.now += 10 * MIN;
    rig.recorder.flush();
    await rig.recorder.maintain();
    const days = rig.queries().statistics('sensor.t', '1d', 0, rig.clock.now).rows;
    expect(days.map((d) => new Date(d.start).toISOString())).toEqual(['2025-06-13T22:00:00.000Z', '2025-06-14T22:00:00.000Z']);
    expect(days.map((d) => d.count)).toEqual([720, 720]);
  });

  it('purges raw states past keepDays but keeps hourly statistics', async () => {
    rig = createRig({ start: T0 - 10_000, keepDays: 1 });
    await rig.recorder.start();
    rig.add('sensor.t');
    drive('sensor.t', 360, 10_000, (i) => 20 + (i % 3));
    rig.recorder.flush();
    rig.clock.now = T0 + 3 * 86_400_000;
    rig.set('sensor.t', 23);
    rig.recorder.flush();
    await rig.recorder.maintain();
    const q = rig.queries();
    expect(q.statesBetween(['sensor.t'], T0, T0 + 86_400_000)).toEqual([]);
    expect(q.statistics('sensor.t', '5m', T0, T0 + 86_400_000).rows).toEqual([]);
    expect(q.statistics('sensor.t', '1h', T0, T0 + 86_400_000).rows).toEqual([{ start: T0, mean: 21, min: 20, max: 22, count: 360 }]);
    expect(q.statesBetween(['sensor.t'], rig.clock.now, rig.clock.now).map((s) => s.state)).toEqual([23]);
  });

  it('keeps a logbook of who changed what, newest first, paginated', async () => {
    rig = createRig({ start: T0 });
    await rig.recorder.start();
    rig.add('light.hall');
    const alice = createContext({ userId: 'alice' });
    rig.clock.now += 1000;
    rig.kernel.states.update('light.hall', { state: 'on' }, alice);
    rig.kernel.bus.emit('command_executed', { entityId: 'light.hall', command: 'turn_off', params: {}, context: alice, ok: true, address: '10.0.0.9' });
    rig.clock.now += 1000;
    rig.kernel.states.update('light.hall', { state: 'off' }, createContext({ automationId: 'night' }));
    rig.kernel.bus.emit('audit', { action: 'user_created', outcome: 'ok', context: alice, target: 'bob' });
    rig.recorder.flush();
    const q = rig.queries();
    const first = q.logbook({ start: T0, end: rig.clock.now, limit: 2 });
    expect(first.entries.map((e) => [e.kind, e.what])).toEqual([['audit', 'user_created'], ['state', 'off']]);
    expect(first.entries[1]!.context).toMatchObject({ automationId: 'night' });
    const second = q.logbook({ start: T0, end: rig.clock.now, limit: 2, before: first.next! });
    expect(second.entries.map((e) => [e.kind, e.what, e.context?.userId, e.address])).toEqual([
      ['command', 'turn_off', 'alice', '10.0.0.9'],
      ['state', 'on', 'alice', null],
    ]);
    expect(second.next).toBeUndefined();
    expect(q.logbook({ start: T0, end: rig.clock.now, limit: 10, entity: 'light.hall' }).entries).toHaveLength(3);
  });

  it('keeps history across a restart', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/hearth-restart-`);
    rig = createRig({ dir, start: T0 });
    await rig.recorder.start();
    rig.add('sensor.t');
    drive('sensor.t', 3, 1000, (i) => i);
    await rig.close();
    rig = createRig({ dir, start: T0 + 10_000 });
    await rig.recorder.start();
    rig.add('sensor.t');
    rig.set('sensor.t', 7);
    rig.recorder.flush();
    expect(rig.queries().history('sensor.t', T0, T0 + MIN, 500).points.map(([, v]) => v)).toEqual([0, 1, 2, 7]);
  });

  it('announces each commit\'s logbook entries once written, exactly as the logbook query reads them back', async () => {
    rig = createRig({ start: T0 });
    await rig.recorder.start();
    const announced: EventMap['logbook_written'][] = [];
    rig.kernel.bus.on('logbook_written', (e) => announced.push(e));
    rig.add('light.hall');
    rig.set('light.hall', 'off');
    rig.clock.now += 1000;
    const context = createContext({ userId: 'u1' });
    rig.kernel.bus.emit('command_executed', { entityId: 'light.hall', command: 'turn_on', params: { brightness: 5 }, context, ok: true, address: '10.0.0.9' });
    rig.set('light.hall', 'on');
    expect(announced).toEqual([]);
    rig.recorder.flush();
    expect(announced).toHaveLength(1);
    const { entries } = rig.queries().logbook({ start: T0, end: T0 + MIN, limit: 10 });
    expect(announced[0]!.entries).toEqual(entries.toReversed());
    expect(entries.map((e) => [e.kind, e.what])).toEqual([['state', 'on'], ['command', 'turn_on'], ['state', 'off']]);
    rig.recorder.flush();
    expect(announced).toHaveLength(1);
  });
});

import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEnv, ApiUser } from '../../../core/api/env.js';
import { errorResponse } from '../../../core/api/errors.js';
import { createHistoryRoutes } from '../../../core/api/routes/history.js';
import { createContext } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createRig, type Rig } from './helpers.js';

const T0 = Date.parse('2025-01-01T00:00:00Z');
let rig: Rig;
afterEach(() => rig?.close());

/** The history routes behind a stand-in for the auth middleware. */
function appAs(user: ApiUser | undefined) {
  const app = new Hono<ApiEnv>();
  app.onError((err, c) => errorResponse(err, c, silentLogger()));
  app.use(async (c, next) => {
    if (user) c.set('user', user);
    await next();
  });
  app.route('/api', createHistoryRoutes({
    queries: rig.queries(),
    resolveUserName: (id) => (id === 'u1' ? 'Alice' : undefined),
    resolveUserId: (name) => (name === 'alice' ? 'u1' : undefined),
    areaEntities: (area) => (area === 'garden' ? ['switch.pump', 'light.garden'] : []),
    now: () => rig.clock.now,
  }));
  return app;
}
const member: ApiUser = { id: 'u1', username: 'alice', role: 'member' };

describe('history routes', () => {
  it('serves history, statistics and the logbook to members', async () => {
    rig = createRig({ start: T0 });
    await rig.recorder.start();
    rig.add('sensor.t');
    rig.add('switch.pump');
    for (let i = 1; i <= 10; i++) {
      rig.clock.now = T0 + i * 1000;
      rig.set('sensor.t', i);
    }
    rig.kernel.states.update('switch.pump', { state: 'on' }, createContext({ userId: 'u1' }));
    rig.recorder.flush();
    const app = appAs(member);

    const history = await app.request(`/api/history/sensor.t?start=${T0}&end=${T0 + 10_999}&points=4`);
    expect(history.status).toBe(200);
    expect(await history.json()).toEqual({ entityId: 'sensor.t', points: [[T0 + 1000, 1], [T0 + 5000, 5], [T0 + 6000, 6], [T0 + 10_000, 10]] });

    const stats = await app.request(`/api/statistics/sensor.t?period=5m&start=${new Date(T0).toISOString()}`);
    expect(stats.status).toBe(200);
    expect(await stats.json()).toMatchObject({ rows: [] });

    const logbook = await app.request('/api/logbook?entity=switch.pump');
    expect(await logbook.json()).toMatchObject({ entries: [{ kind: 'state', entityId: 'switch.pump', what: 'on', userName: 'Alice', when: new Date(T0 + 10_000).toISOString() }] });
  });

  it('filters the logbook by entity, area, kind, user, automation and range', async () => {
    rig = createRig({ start: T0 });
    await rig.recorder.start();
    for (const id of ['switch.pump', 'light.garden', 'light.hall']) rig.add(id);
    const alice = createContext({ userId: 'u1' });
    const night = createContext({ automationId: 'night' });
    const at = (s: number) => (rig.clock.now = T0 + s * 1000);
    at(1);
    rig.kernel.states.update('switch.pump', { state: 'on' }, alice);
    at(2);
    rig.kernel.states.update('light.garden', { state: 'on' }, night);
    at(3);
    rig.kernel.bus.emit('command_executed', { entityId: 'light.hall', command: 'turn_on', params: {}, context: alice, ok: true, address: '10.0.0.9' });
    rig.kernel.states.update('light.hall', { state: 'on' }, alice);
    at(4);
    rig.kernel.bus.emit('audit', { action: 'user_created', outcome: 'ok', context: alice, target: 'bob' });
    rig.recorder.flush();
    const app = appAs(member);
    const found = async (query: string, end = T0 + 10_000) => {
      const res = await app.request(`/api/logbook?start=${T0}&end=${end}&${query}`);
      expect(res.status, query).toBe(200);
      return ((await res.json()) as { entries: { kind: string; entityId: string; what: string }[] }).entries.map((e) => `${e.kind} ${e.entityId} ${e.what}`);
    };

    expect(await found('entity=switch.pump,light.hall')).toEqual(['state light.hall on', 'command light.hall turn_on', 'state switch.pump on']);
    expect(await found('area=garden')).toEqual(['state light.garden on', 'state switch.pump on']);
    expect(await found('area=garden&entity=light.garden,light.hall')).toEqual(['state light.garden on']);
    expect(await found('area=attic')).toEqual([]);
    expect(await found('kind=command,audit')).toEqual(['audit bob user_created', 'command light.hall turn_on']);
    expect(await found('user=alice&kind=state')).toEqual(['state light.hall on', 'state switch.pump on']);
    expect(await found('user=u1&entity=switch.pump')).toEqual(['state switch.pump on']);
    expect(await found('automation=night')).toEqual(['state light.garden on']);
    expect(await found('kind=state', T0 + 2000)).toEqual(['state light.garden on', 'state switch.pump on']);
    const kinds = await app.request('/api/logbook?kind=state,alarm');
    expect(kinds.status).toBe(400);
    expect(await kinds.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('answers bad input with 400, unknown entities with 404 and strangers with 401', async () => {
    rig = createRig({ start: T0 });
    const app = appAs(member);
    for (const url of ['/api/history/sensor.t?points=1', '/api/statistics/sensor.t?period=1w', '/api/logbook?start=yesterday', '/api/history/Not-An-Id', `/api/logbook?start=${T0}&end=${T0 - 1}`, '/api/logbook?kind=', '/api/logbook?entity=,', '/api/logbook?user=']) {
      const res = await app.request(url);
      expect(res.status, url).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_input' } });
    }
    expect((await app.request('/api/history/sensor.nothing')).status).toBe(404);
    expect((await appAs(undefined).request('/api/logbook')).status).toBe(401);
  });
});

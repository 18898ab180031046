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
  app.route('/api', createHistoryRoutes({ queries: rig.queries(), resolveUserName: (id) => (id === 'u1' ? 'Alice' : undefined), now: () => rig.clock.now }));
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

  it('answers bad input with 400, unknown entities with 404 and strangers with 401', async () => {
    rig = createRig({ start: T0 });
    const app = appAs(member);
    for (const url of ['/api/history/sensor.t?points=1', '/api/statistics/sensor.t?period=1w', '/api/logbook?start=yesterday', '/api/history/Not-An-Id', `/api/logbook?start=${T0}&end=${T0 - 1}`]) {
      const res = await app.request(url);
      expect(res.status, url).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_input' } });
    }
    expect((await app.request('/api/history/sensor.nothing')).status).toBe(404);
    expect((await appAs(undefined).request('/api/logbook')).status).toBe(401);
  });
});

import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAutomationEngine, createAutomationRoutes, type AutomationEngine, type HistoryRow } from '../../../core/automation/index.js';
import type { ApiEnv } from '../../../core/api/env.js';
import { errorResponse } from '../../../core/api/errors.js';
import { startHttpServer, type HttpServer } from '../../../core/api/server.js';
import { parseOrThrow } from '../../../core/automation/index.js';
import type { DatabaseHandle } from '../../../core/db/index.js';
import type { Role } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { nextTrace, tempDatabase, testHome } from '../../unit/automation/harness.js';
import { callAs, roleFromHeader } from '../../helpers/role-header.js';

const T0 = Date.parse('2024-06-03T00:00:00Z');
const recorded: HistoryRow[] = [
  { entityId: 'binary_sensor.motion', ms: T0 - 1000, state: 'off' },
  { entityId: 'binary_sensor.motion', ms: T0 + 3_600_000, state: 'on' },
  { entityId: 'binary_sensor.motion', ms: T0 + 3_700_000, state: 'off' },
  { entityId: 'binary_sensor.motion', ms: T0 + 7_200_000, state: 'on' },
];

let home: ReturnType<typeof testHome>;
let tmp: ReturnType<typeof tempDatabase>;
let database: DatabaseHandle;
let engine: AutomationEngine;
let server: HttpServer;

const fileAutomation = { id: 'from_file', triggers: [{ type: 'event', event: 'x' }], actions: [{ log: 'hi' }] };
const motionLight = { id: 'motion_light', name: 'Hall light', triggers: [{ type: 'state', entity: 'binary_sensor.motion', to: 'on' }], actions: [{ command: 'turn_on', entity: 'light.hall' }] };

beforeEach(async () => {
  home = testHome();
  tmp = tempDatabase();
  database = tmp.open();
  const log = silentLogger();
  engine = createAutomationEngine({ kernel: home.kernel, database, log, fileAutomations: [{ definition: parseOrThrow(fileAutomation), input: fileAutomation }] });
  await engine.start();
  const app = new Hono<ApiEnv>();
  app.onError((err, c) => errorResponse(err, c, log));
  app.use(roleFromHeader);
  app.route('/api', createAutomationRoutes({ engine, log, bus: home.kernel.bus, history: { statesBetween: (ids, s, e) => recorded.filter((r) => ids.includes(r.entityId) && r.ms >= s && r.ms <= e) } }).routes);
  server = await startHttpServer(app as unknown as Hono, { port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await server.close();
  await engine.stop();
  database.close();
  tmp.cleanup();
});

const call = (method: string, path: string, body?: unknown, role: Role | null = 'admin') => callAs(server, method, path, body, role);

describe('automation API', () => {
  it('CRUD: create, read, replace, disable, delete; the automation fires from state changes', async () => {
    const audit: unknown[] = [];
    home.kernel.bus.on('audit', (e) => audit.push({ action: e.action, target: e.target, outcome: e.outcome, userId: e.context.userId }));
    expect((await call('POST', '/api/automations', motionLight)).status).toBe(201);
    expect((await call('POST', '/api/automations', motionLight)).status).toBe(409);
    const list = await call('GET', '/api/automations', undefined, 'member');
    expect(list.body!.automations.map((a: { id: string; source: string }) => [a.id, a.source])).toEqual([
      ['from_file', 'file'],
      ['motion_light', 'api'],
    ]);

    const fired = nextTrace(home.kernel, 'motion_light');
    home.set('binary_sensor.motion', 'on');
    expect((await fired).outcome).toBe('completed');
    expect(home.calls.map((c) => c.entityId)).toEqual(['light.hall']);
    const traces = await call('GET', '/api/automations/motion_light/traces', undefined, 'member');
    expect(traces.body!.traces[0]).toMatchObject({ outcome: 'completed', trigger: { to: 'on' }, steps: [{ path: 'actions[0]', action: 'command', result: { state: 'on' } }] });

    const replaced = await call('PUT', '/api/automations/motion_light', { ...motionLight, actions: [{ command: 'turn_on', entity: 'switch.fan' }] });
    expect(replaced.status).toBe(200);
    expect((await call('PATCH', '/api/automations/motion_light', { enabled: false })).body).toMatchObject({ enabled: false });
    home.set('binary_sensor.motion', 'off');
    home.set('binary_sensor.motion', 'on');
    await new Promise((r) => setImmediate(r));
    expect(home.calls).toHaveLength(1);

    expect((await call('DELETE', '/api/automations/motion_light')).status).toBe(204);
    expect((await call('GET', '/api/automations/motion_light', undefined, 'member')).status).toBe(404);
    const by = { target: 'motion_light', userId: 'u-admin' };
    expect(audit).toEqual([
      { action: 'automation.create', outcome: 'ok', ...by },
      { action: 'automation.create', outcome: 'failed', ...by },
      { action: 'automation.edit', outcome: 'ok', ...by },
      { action: 'automation.edit', outcome: 'ok', ...by },
      { action: 'automation.delete', outcome: 'ok', ...by },
    ]);
  });

  it('refuses invalid definitions with 400 and the path', async () => {
    const res = await call('POST', '/api/automations', { ...motionLight, triggers: [{ type: 'numeric_state', entity: 'sensor.temperature', below: 'cold' }] });
    expect(res.status).toBe(400);
    expect(res.body!.error.code).toBe('invalid_input');
    expect(res.body!.error.message).toMatch(/triggers\[0\]\.below: .*expected number/);
    expect(res.body!.error.details).toEqual([{ path: 'triggers[0].below', message: expect.stringMatching(/expected number/) }]);
    expect((await call('POST', '/api/automations', '{not json')).status).toBe(400);
    expect((await call('POST', '/api/automations', [1, 2])).status).toBe(400);
    expect((await call('PUT', '/api/automations/from_file', fileAutomation)).body!.error.message).toMatch(/config file and is read-only/);
  });

  it('checks roles: members read, admins write, nobody signed in gets 401', async () => {
    expect((await call('GET', '/api/automations', undefined, null)).status).toBe(401);
    expect((await call('POST', '/api/automations', motionLight, 'member')).status).toBe(403);
    expect((await call('GET', '/api/automations/from_file/traces', undefined, 'member')).status).toBe(200);
  });

  it('runs an automation now and keeps its trace', async () => {
    const done = nextTrace(home.kernel, 'from_file');
    expect((await call('POST', '/api/automations/from_file/run')).status).toBe(202);
    expect((await done).trigger).toMatchObject({ type: 'manual' });
    expect((await call('POST', '/api/automations/nope/run')).status).toBe(404);
  });

  it('simulate returns the firings recorded history implies', async () => {
    const res = await call('POST', '/api/automations/simulate', { definition: motionLight, start: new Date(T0).toISOString(), end: new Date(T0 + 86_400_000).toISOString() });
    expect(res.status).toBe(200);
    expect(res.body!.firings.map((f: { at: string }) => f.at)).toEqual([new Date(T0 + 3_600_000).toISOString(), new Date(T0 + 7_200_000).toISOString()]);
    expect(res.body!.commands).toHaveLength(2);
    expect(home.calls).toHaveLength(0);
    const bad = await call('POST', '/api/automations/simulate', { definition: { ...motionLight, actions: [] }, start: T0, end: T0 + 1000 });
    expect(bad.status).toBe(400);
    expect(bad.body!.error.message).toMatch(/definition\.actions/);
  });
});

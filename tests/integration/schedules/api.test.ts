import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEnv } from '../../../core/api/env.js';
import { errorResponse } from '../../../core/api/errors.js';
import { startHttpServer, type HttpServer } from '../../../core/api/server.js';
import type { DatabaseHandle } from '../../../core/db/index.js';
import { createKernel, type Kernel, type Role } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createFollowRoutes, createFollows, createScheduleRoutes, createSchedules, scheduleSchema, type Follows, type Schedules } from '../../../core/schedules/index.js';
import { tempDatabase } from '../../unit/automation/harness.js';
import { callAs, roleFromHeader } from '../../helpers/role-header.js';

let kernel: Kernel;
let tmp: ReturnType<typeof tempDatabase>;
let database: DatabaseHandle;
let schedules: Schedules;
let follows: Follows;
let server: HttpServer;

const fromYaml = scheduleSchema.parse({ id: 'bedroom', name: 'Bedroom', days: { mon: [{ from: '06:30', to: '08:00', value: 'comfort' }] } });
const hall = { id: 'hall', name: 'Hall', days: { weekdays: [{ from: '06:00', to: '07:30', value: 'comfort' }], sat: [{ from: '08:00', to: '09:00' }] }, exceptions: [{ date: '2026-12-25', blocks: [] }] };

beforeEach(async () => {
  kernel = createKernel(silentLogger());
  tmp = tempDatabase();
  database = tmp.open();
  const log = silentLogger();
  schedules = createSchedules({ kernel, database, log, timezone: 'Europe/Paris', fileSchedules: [fromYaml] });
  await schedules.start();
  kernel.states.init(kernel.registry.add({ id: 'light.desk', owner: 'test', commands: ['turn_on', 'turn_off'] }));
  kernel.dispatcher.register('light.desk', { turn_on: () => void kernel.states.update('light.desk', { state: 'on' }), turn_off: () => void kernel.states.update('light.desk', { state: 'off' }) });
  kernel.states.init(kernel.registry.add({ id: 'sensor.desk_lux', owner: 'test' }));
  follows = createFollows({ kernel, database, log });
  await follows.start();
  const app = new Hono<ApiEnv>();
  app.onError((err, c) => errorResponse(err, c, log));
  app.use(roleFromHeader);
  app.route('/api', createScheduleRoutes(schedules).routes);
  app.route('/api', createFollowRoutes(follows).routes);
  server = await startHttpServer(app as unknown as Hono, { port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await server.close();
  await follows.stop();
  await schedules.stop();
  database.close();
  tmp.cleanup();
});

const call = (method: string, path: string, body?: unknown, role: Role | null = 'admin') => callAs(server, method, path, body, role);

describe('/api/schedules', () => {
  it('CRUD over HTTP: created, listed with source and readOnly, replaced, deleted; the entity follows', async () => {
    const created = await call('POST', '/api/schedules', hall);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'hall', name: 'Hall', entityId: 'schedule.hall', source: 'api', readOnly: false });
    // Every day is listed, as a week grid needs
    expect(Object.keys(created.body!.days)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(created.body!.days.fri).toEqual([{ from: '06:00', to: '07:30', value: 'comfort' }]);
    expect(kernel.registry.get('schedule.hall')).toMatchObject({ owner: 'schedules', name: 'Hall' });

    const list = await call('GET', '/api/schedules', undefined, 'member');
    expect(list.status).toBe(200);
    expect(list.body!.schedules.map((s: Record<string, unknown>) => [s.id, s.source, s.readOnly])).toEqual([
      ['bedroom', 'yaml', true],
      ['hall', 'api', false],
    ]);

    const replaced = await call('PUT', '/api/schedules/hall', { ...hall, days: { sun: [{ from: '10:00', to: '11:00', value: 21 }] } });
    expect(replaced.status).toBe(200);
    expect(replaced.body!.days.mon).toEqual([]);
    expect((await call('GET', '/api/schedules/hall', undefined, 'member')).body!.days.sun).toEqual([{ from: '10:00', to: '11:00', value: 21 }]);

    expect((await call('DELETE', '/api/schedules/hall')).status).toBe(204);
    expect((await call('GET', '/api/schedules/hall', undefined, 'member')).status).toBe(404);
    expect(kernel.registry.get('schedule.hall')).toBeUndefined();
  });

  it('refuses bad input with 400 and the path of each problem', async () => {
    const overlap = await call('POST', '/api/schedules', { id: 'x', days: { mon: [{ from: '06:00', to: '09:00' }, { from: '08:00', to: '10:00' }] } });
    expect(overlap.status).toBe(400);
    expect(overlap.body!.error.code).toBe('invalid_input');
    expect(overlap.body!.error.message).toBe('invalid schedule: days.mon[1].from: overlaps the block 06:00–09:00');

    const bad = await call('POST', '/api/schedules', { id: 'x', days: { tue: [{ from: '25:00', to: '26:00' }], wed: [{ from: '23:00', to: '01:00' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body!.error.message).toMatch(/days\.tue\[0\]\.from: expected a time of day like 06:30/);
    expect(bad.body!.error.message).toMatch(/days\.wed\[0\]\.to: must be after from; a block may not cross midnight/);

    expect((await call('POST', '/api/schedules', { id: 'x', dayz: {} })).body!.error.message).toBe("invalid schedule: dayz: unknown key 'dayz'");
    expect((await call('POST', '/api/schedules', '[1,2')).status).toBe(400);
    expect((await call('POST', '/api/schedules', { ...hall, id: 'bedroom' })).status).toBe(409);
    await call('POST', '/api/schedules', hall);
    expect((await call('PUT', '/api/schedules/hall', { ...hall, id: 'other' })).status).toBe(400);
    expect((await call('PUT', '/api/schedules/nope', hall)).status).toBe(404);
  });

  it('keeps YAML schedules read-only and writes to admins', async () => {
    const put = await call('PUT', '/api/schedules/bedroom', { id: 'bedroom', days: {} });
    expect(put.status).toBe(403);
    expect(put.body!.error.message).toMatch(/comes from the config file \(schedules:\) and is read-only through the API; edit the file instead/);
    expect((await call('DELETE', '/api/schedules/bedroom')).status).toBe(403);
    expect((await call('GET', '/api/schedules/bedroom', undefined, 'member')).body).toMatchObject({ source: 'yaml', readOnly: true });

    expect((await call('POST', '/api/schedules', hall, 'member')).status).toBe(403);
    expect((await call('GET', '/api/schedules', undefined, null)).status).toBe(401);
  });
});

describe('/api/entities/:id/follow', () => {
  it('a member makes a light follow a schedule and stops it; the answer and GET show the follow', async () => {
    expect((await call('GET', '/api/entities/light.desk/follow', undefined, 'member')).body).toEqual({ entityId: 'light.desk', schedule: null });
    const put = await call('PUT', '/api/entities/light.desk/follow', { schedule: 'schedule.bedroom' }, 'member');
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ entityId: 'light.desk', schedule: 'schedule.bedroom' });
    // Applied at once: the schedule is off now unless it is Monday morning
    expect(kernel.states.get('light.desk')!.state).toBe(kernel.states.get('schedule.bedroom')!.state);
    expect((await call('GET', '/api/entities/light.desk/follow', undefined, 'member')).body!.schedule).toBe('schedule.bedroom');
    expect((await call('PUT', '/api/entities/light.desk/follow', { schedule: null }, 'member')).body).toEqual({ entityId: 'light.desk', schedule: null });
  });

  it('refuses what cannot follow or be followed with 400, an unknown device with 404, nobody signed in with 401', async () => {
    const put = (id: string, body: unknown, role: Role | null = 'member') => call('PUT', `/api/entities/${id}/follow`, body, role);
    const bad = await put('light.desk', { schedule: 'light.desk' });
    expect(bad.status).toBe(400);
    expect(bad.body!.error.message).toBe('invalid body: schedule: expected a schedule entity like schedule.bedroom, or null');
    const unknown = await put('light.desk', { schedule: 'schedule.nope' });
    expect([unknown.status, unknown.body!.error.message]).toEqual([400, "unknown schedule 'schedule.nope'"]);
    expect((await put('light.desk', {})).status).toBe(400);
    expect((await put('light.desk', { schedule: null, extra: 1 })).status).toBe(400);
    expect((await put('light.desk', '{')).status).toBe(400);
    const sensor = await put('sensor.desk_lux', { schedule: 'schedule.bedroom' });
    expect([sensor.status, sensor.body!.error.code]).toEqual([400, 'invalid_input']);
    expect((await put('light.nope', { schedule: 'schedule.bedroom' })).status).toBe(404);
    expect((await call('GET', '/api/entities/light.nope/follow', undefined, 'member')).status).toBe(404);
    expect((await put('light.desk', { schedule: 'schedule.bedroom' }, null)).status).toBe(401);
    expect(follows.get('light.desk').schedule).toBeNull();
  });
});

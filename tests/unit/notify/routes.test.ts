import { Hono } from 'hono';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ApiEnv } from '../../../core/api/env.js';
import { errorResponse } from '../../../core/api/errors.js';
import { startHttpServer, type HttpServer } from '../../../core/api/server.js';
import { notifySchema } from '../../../core/config/index.js';
import { openDatabase, type DatabaseHandle } from '../../../core/db/index.js';
import { createKernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createNotifier, createNotifyRoutes, createUserTargetStore, type NotifyService } from '../../../core/notify/index.js';
import { callAs, roleFromHeader } from '../../helpers/role-header.js';

let database: DatabaseHandle;
let notifier: NotifyService;
let server: HttpServer;

beforeEach(async () => {
  database = openDatabase(':memory:');
  const targets = createUserTargetStore(database.sqlite);
  notifier = createNotifier({
    channels: notifySchema.parse([
      { id: 'hook', type: 'webhook', url: 'http://127.0.0.1:9/x', default: false },
      { id: 'family', type: 'ntfy', url: 'https://ntfy.example.org', users: ['member'] },
    ]),
    bus: createKernel(silentLogger()).bus,
    log: silentLogger(),
    users: { list: () => [] },
    targets,
    env: {},
  });
  const app = new Hono<ApiEnv>();
  app.onError((err, c) => errorResponse(err, c, silentLogger()));
  app.use('*', roleFromHeader);
  app.route('/api', createNotifyRoutes({ notifier, targets }).routes);
  server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
});

afterEach(async () => {
  await server.close();
  await notifier.stop();
  database.close();
});

it('GET /api/notify/channels lists the dashboard and each channel with its status, for admins only', async () => {
  const { status, body } = await callAs(server, 'GET', '/api/notify/channels');
  expect(status).toBe(200);
  expect(body!.channels).toEqual([
    { id: 'dashboard', type: 'dashboard', default: true, state: 'ok', pending: 0, held: 0, delivered: 0, dropped: 0 },
    { id: 'hook', type: 'webhook', default: false, state: 'ok', pending: 0, held: 0, delivered: 0, dropped: 0 },
    { id: 'family', type: 'ntfy', default: true, users: ['member'], state: 'ok', pending: 0, held: 0, delivered: 0, dropped: 0 },
  ]);
  expect((await callAs(server, 'GET', '/api/notify/channels', undefined, 'member')).status).toBe(403);
  expect((await callAs(server, 'GET', '/api/notify/channels', undefined, null)).status).toBe(401);
});

it('each user reads and sets their own targets; bad ones are a 400 naming the key', async () => {
  const set = await callAs(server, 'PUT', '/api/notify/me', { ntfyTopic: 'member-phone', email: 'm@example.org', quietHours: { from: '22:00', to: '07:00' } }, 'member');
  expect(set).toEqual({ status: 200, body: { targets: { ntfyTopic: 'member-phone', email: 'm@example.org', quietHours: { from: '22:00', to: '07:00' } }, channels: [{ id: 'family', type: 'ntfy' }] } });
  expect((await callAs(server, 'GET', '/api/notify/me', undefined, 'member')).body!.targets.ntfyTopic).toBe('member-phone');
  expect((await callAs(server, 'GET', '/api/notify/me', undefined, 'admin')).body).toEqual({ targets: {}, channels: [] });

  const bad = await callAs(server, 'PUT', '/api/notify/me', { ntfyTopic: 'no spaces/please', email: 'nope', quietHours: { from: '25:00', to: '07:00' } }, 'member');
  expect(bad.status).toBe(400);
  expect(bad.body!.error.code).toBe('invalid_input');
  expect(bad.body!.error.message).toMatch(/ntfyTopic/);
  expect(bad.body!.error.message).toMatch(/email/);
  expect(bad.body!.error.message).toMatch(/quietHours\.from/);
  expect((await callAs(server, 'PUT', '/api/notify/me', '{not json', 'member')).status).toBe(400);
});

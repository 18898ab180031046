import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../core/api/app.js';
import { startHttpServer, type HttpServer } from '../../../core/api/server.js';
import { createAutomationEngine, createAutomationRoutes, type AutomationEngine, type Trace } from '../../../core/automation/index.js';
import { createHistoryRoutes } from '../../../core/api/routes/history.js';
import { createHistoryQueries, createRecorder, type LogbookView, type Recorder } from '../../../core/history/index.js';
import { silentLogger } from '../../../core/log.js';
import { JSON_HEADERS, PASSWORD, bearer, createHarness, type Harness } from './harness.js';
import { connectWs, type Msg } from './ws-client.js';

/** The real history recorder and automation engine behind a real server: what the two streams carry comes from them. */
let h: Harness;
let server: HttpServer;
let recorder: Recorder;
let engine: AutomationEngine;
let origin: string;
beforeAll(async () => {
  h = await createHarness();
  const log = silentLogger();
  recorder = createRecorder({ kernel: h.kernel, database: h.database, log, options: { commitIntervalS: 3600, keepDays: 10 } });
  await recorder.start();
  engine = createAutomationEngine({ kernel: h.kernel, database: h.database, log });
  await engine.start();
  engine.create({ id: 'night', name: 'Night', triggers: [{ type: 'event', event: 'night' }], actions: [{ command: 'turn_off', entity: 'light.hall' }] });
  engine.create({ id: 'morning', name: 'Morning', triggers: [{ type: 'event', event: 'morning' }], actions: [{ log: 'good morning' }] });
  const queries = createHistoryQueries(h.database);
  const plugins = { start: async () => {}, stop: async () => {}, warn: () => {}, list: () => [] };
  const app = createApp({
    kernel: h.kernel, auth: h.auth, plugins, log, version: '0.0.0-test', startedAt: Date.now(),
    modules: [createHistoryRoutes({ queries, resolveUserName: (id) => h.auth.users.find(id)?.username }), createAutomationRoutes({ engine, log, history: queries })],
  });
  server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await engine.stop();
  await recorder.stop();
  h.close();
});

/** Signed in by a first `auth` message. */
async function signedIn(token: string) {
  const client = connectWs(`ws://127.0.0.1:${server.port}/api/ws`);
  expect(await client.next()).toEqual({ type: 'auth_required' });
  client.send({ type: 'auth', token });
  expect(await client.next()).toMatchObject({ type: 'auth_ok' });
  return client;
}

async function subscribe(client: Awaited<ReturnType<typeof signedIn>>, message: Msg) {
  client.send(message);
  expect(await client.next()).toEqual({ id: message.id, type: 'result', success: true });
}

const post = (path: string, token: string, body: unknown = {}) =>
  fetch(`${origin}${path}`, { method: 'POST', headers: bearer(token, JSON_HEADERS), body: JSON.stringify(body) });

describe('WebSocket streams over loopback', () => {
  it('subscribe_logbook streams each commit in exactly the GET /api/logbook shape, audit entries to admins only', async () => {
    const admin = await signedIn(h.tokens.admin);
    const member = await signedIn(h.tokens.member);
    await subscribe(admin, { id: 1, type: 'subscribe_logbook' });
    await subscribe(member, { id: 9, type: 'subscribe_logbook' });

    expect((await post('/api/entities/light.hall/commands/turn_on', h.tokens.member)).status).toBe(200);
    expect((await post('/api/users', h.tokens.admin, { username: 'zoe', password: PASSWORD, role: 'member' })).status).toBe(201);
    recorder.flush();

    const toAdmin = (await admin.next()) as { id: number; type: string; event: { entries: LogbookView[] } };
    const toMember = (await member.next()) as { id: number; type: string; event: { entries: LogbookView[] } };
    const rest = (await (await fetch(`${origin}/api/logbook?limit=100`, { headers: bearer(h.tokens.admin) })).json()) as { entries: LogbookView[] };
    const oldestFirst = rest.entries.toReversed();
    expect(oldestFirst.map((e) => [e.kind, e.what])).toEqual([['state', 'on'], ['command', 'turn_on'], ['audit', 'user.create']]);
    expect(oldestFirst[1]).toMatchObject({ userName: 'mia', address: '127.0.0.1', outcome: 'ok' });

    expect(toAdmin).toEqual({ id: 1, type: 'event', event: { entries: oldestFirst } });
    expect(toMember).toEqual({ id: 9, type: 'event', event: { entries: oldestFirst.filter((e) => e.kind !== 'audit') } });
    admin.socket.close();
    member.socket.close();
    await Promise.all([admin.closed, member.closed]);
  });

  it('subscribe_automation_traces streams {trace} for every finished run, filtered by automation when asked', async () => {
    const client = await signedIn(h.tokens.member);
    await subscribe(client, { id: 2, type: 'subscribe_automation_traces', automationId: 'night' });
    await subscribe(client, { id: 3, type: 'subscribe_automation_traces' });

    expect((await post('/api/automations/morning/run', h.tokens.admin)).status).toBe(202);
    const morning = (await client.next()) as { id: number; event: { trace: Trace } };
    expect(morning).toMatchObject({ id: 3, type: 'event', event: { trace: { automationId: 'morning', outcome: 'completed' } } });

    expect((await post('/api/automations/night/run', h.tokens.admin)).status).toBe(202);
    const [first, second] = [await client.next(), await client.next()];
    const { traces } = (await (await fetch(`${origin}/api/automations/night/traces`, { headers: bearer(h.tokens.member) })).json()) as { traces: Trace[] };
    expect(traces[0]).toMatchObject({ automationId: 'night', outcome: 'completed', steps: [expect.anything()] });
    expect([first, second]).toEqual([
      { id: 2, type: 'event', event: { trace: traces[0] } },
      { id: 3, type: 'event', event: { trace: traces[0] } },
    ]);
    expect(client.inbox).toEqual([]);
    client.socket.close();
    await client.closed;
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../core/api/app.js';
import { startHttpServer, type HttpServer } from '../../../core/api/server.js';
import { createFloorplanRoutes, createFloorplans, type Floorplans } from '../../../core/floorplans/index.js';
import { silentLogger } from '../../../core/log.js';
import { JSON_HEADERS, bearer, createHarness, type Harness } from '../api/harness.js';
import { connectWs } from '../api/ws-client.js';

/** "I am here" pins reach the dashboards over a real WebSocket: on set, on clear, and when one expires. */
let h: Harness;
let server: HttpServer;
let floorplans: Floorplans;
let origin: string;
beforeAll(async () => {
  h = await createHarness();
  const log = silentLogger();
  floorplans = createFloorplans({ database: h.database, kernel: h.kernel, log, areas: () => ['hall', 'kitchen'] });
  await floorplans.start();
  const plugins = { start: async () => {}, stop: async () => {}, warn: () => {}, list: () => [] };
  const app = createApp({
    kernel: h.kernel, auth: h.auth, plugins, log, version: '0.0.0-test', startedAt: Date.now(),
    people: () => floorplans.people(),
    modules: [createFloorplanRoutes(floorplans, (id) => h.auth.users.find(id)?.username)],
  });
  server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await floorplans.stop();
  h.close();
});

const pin = (token: string, area: string | null) =>
  fetch(`${origin}/api/people/me/location`, { method: 'PUT', headers: bearer(token, JSON_HEADERS), body: JSON.stringify({ area }) });

describe('subscribe_people', () => {
  it('sends the current pins at once, then every pin set, moved, cleared or expired', async () => {
    await pin(h.tokens.owner, 'hall');
    const client = connectWs(`ws://127.0.0.1:${server.port}/api/ws`);
    expect(await client.next()).toEqual({ type: 'auth_required' });
    client.send({ type: 'auth', token: h.tokens.member });
    expect(await client.next()).toMatchObject({ type: 'auth_ok' });
    client.send({ id: 7, type: 'subscribe_people' });
    expect(await client.next()).toEqual({ id: 7, type: 'result', success: true });
    expect(await client.next()).toEqual({ id: 7, type: 'event', event: { people: [{ userId: h.userIds.owner, username: 'olivia', area: 'hall', until: expect.any(String) }] } });

    expect((await pin(h.tokens.member, 'kitchen')).status).toBe(200);
    const set = (await client.next()) as { event: { people: { username: string; area: string }[] } };
    expect(set.event.people.map((p) => [p.username, p.area]).sort()).toEqual([['mia', 'kitchen'], ['olivia', 'hall']]);

    await pin(h.tokens.owner, null);
    expect(await client.next()).toMatchObject({ id: 7, event: { people: [{ username: 'mia', area: 'kitchen' }] } });

    // A pin that lasts 150 ms: its end is pushed too, with no request from anyone.
    floorplans.pin(h.userIds.member, 'hall', 150 / 60_000);
    expect(await client.next()).toMatchObject({ event: { people: [{ username: 'mia', area: 'hall' }] } });
    const startedWaiting = Date.now();
    expect(await client.next()).toEqual({ id: 7, type: 'event', event: { people: [] } });
    expect(Date.now() - startedWaiting).toBeGreaterThanOrEqual(100);

    client.send({ id: 8, type: 'unsubscribe', subscription: 7 });
    expect(await client.next()).toEqual({ id: 8, type: 'result', success: true });
    await pin(h.tokens.member, 'kitchen');
    client.send({ id: 9, type: 'ping' });
    expect(await client.next()).toEqual({ id: 9, type: 'pong' });
    client.socket.close();
  });
});

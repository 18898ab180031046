import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../../core/api/server.js';
import { JSON_HEADERS, PASSWORD, createHarness, type Harness } from './harness.js';
import { connectWs } from './ws-client.js';

let h: Harness;
let server: HttpServer;
let wsUrl: string;
let origin: string;
beforeAll(async () => {
  h = await createHarness();
  server = await startHttpServer(h.app, { port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${server.port}`;
  wsUrl = `ws://127.0.0.1:${server.port}/api/ws`;
});
afterAll(async () => {
  await server.close();
  h.close();
});

type Msg = Record<string, unknown>;
const connect = (headers: Record<string, string> = {}) => connectWs(wsUrl, headers);

describe('WebSocket over loopback', () => {
  it('signs in by the session cookie from a real login, streams a snapshot then coalesced changes, and runs commands', async () => {
    const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ username: 'mia', password: PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const client = connect({ cookie, origin });
    expect(await client.next()).toMatchObject({ type: 'auth_ok', user: { username: 'mia', role: 'member' } });

    client.send({ id: 1, type: 'subscribe_entities', entityIds: ['light.hall'] });
    expect(await client.next()).toEqual({ id: 1, type: 'result', success: true });
    const snapshot = (await client.next()) as { event: { snapshot: Array<{ id: string; state: string }> } };
    expect(snapshot.event.snapshot.map((s) => [s.id, s.state])).toEqual([['light.hall', 'off']]);

    client.send({ id: 2, type: 'command', entityId: 'light.hall', command: 'turn_on', params: { brightness: 40 } });
    const [a, b] = [await client.next(), await client.next()];
    const result = [a, b].find((m) => m.type === 'result') as { result: { entity: { state: string; context: { userId: string } } } };
    const event = [a, b].find((m) => m.type === 'event') as { event: { changed: Array<{ state: string; attributes: Msg }> } };
    expect(result.result.entity.state).toBe('on');
    expect(result.result.entity.context.userId).toBe(h.userIds.member);
    expect(event.event.changed).toHaveLength(1);
    expect(event.event.changed[0]).toMatchObject({ state: 'on', attributes: { brightness: 40 } });

    client.send({ id: 3, type: 'command', entityId: 'switch.boiler', command: 'turn_on' });
    expect(await client.next()).toMatchObject({ id: 3, success: false, error: { code: 'forbidden' } });

    client.send({ id: 4, type: 'ping' });
    expect(await client.next()).toEqual({ id: 4, type: 'pong' });
    client.send({ id: 5, type: 'unsubscribe', subscription: 1 });
    expect(await client.next()).toEqual({ id: 5, type: 'result', success: true });
    client.send({ id: 6, type: 'nonsense' });
    expect(await client.next()).toMatchObject({ id: 6, success: false, error: { code: 'invalid_input' } });
    client.socket.close();
    await client.closed;
  });

  it('ignores a cookie sent cross-site and accepts a token as first message', async () => {
    const client = connect({ cookie: `hearth_session=${h.tokens.owner}`, origin: 'http://evil.example' });
    expect(await client.next()).toEqual({ type: 'auth_required' });
    client.send({ type: 'auth', token: h.tokens.admin });
    expect(await client.next()).toMatchObject({ type: 'auth_ok', user: { role: 'admin' } });
    client.socket.close();
    await client.closed;
  });

  it('answers a bad token with auth_invalid and closes', async () => {
    const client = connect();
    expect(await client.next()).toEqual({ type: 'auth_required' });
    client.send({ type: 'auth', token: 'hs_forged' });
    expect(await client.next()).toMatchObject({ type: 'auth_invalid' });
    expect((await client.closed).code).toBe(4001);
  });

  it('ends an open socket once its session is signed out elsewhere, by cookie or by token', async () => {
    const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ username: 'mia', password: PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const byCookie = connect({ cookie: `hearth_session=${token}`, origin });
    expect(await byCookie.next()).toMatchObject({ type: 'auth_ok' });
    const { token: other } = h.auth.tokens.issue(h.userIds.member, 'session', 60_000);
    const byToken = connect();
    expect(await byToken.next()).toEqual({ type: 'auth_required' });
    byToken.send({ type: 'auth', token: other });
    expect(await byToken.next()).toMatchObject({ type: 'auth_ok' });

    for (const secret of [token, other]) {
      const id = h.auth.authenticate(secret)!.tokenId;
      expect((await fetch(`${origin}/api/auth/sessions/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${h.tokens.admin}` } })).status).toBe(204);
    }
    for (const client of [byCookie, byToken]) {
      client.send({ id: 1, type: 'ping' });
      expect(await client.next()).toMatchObject({ type: 'auth_invalid' });
      expect((await client.closed).code).toBe(4001);
    }
  });

  it('a plain GET on the socket path is a 426 with the error shape', async () => {
    const res = await fetch(`${origin}/api/ws`);
    expect(res.status).toBe(426);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('upgrade_required');
  });
});

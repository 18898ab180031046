import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../../core/api/server.js';
import { bearer, createHarness, JSON_HEADERS, type Harness } from './harness.js';

/**
 * A response sent before the request body was read must say `Connection: close` and
 * close cleanly: a pooled client then opens a new connection for its next request
 * instead of reusing one the server is about to drop ("other side closed").
 */
describe('responses sent before the body was read', () => {
  let h: Harness;
  let server: HttpServer;
  let agent: Agent;
  let base: string;
  beforeAll(async () => {
    h = await createHarness();
    server = await startHttpServer(h.app, { port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
    h.close();
  });
  beforeAll(() => {
    agent = new Agent({ connections: 1, keepAliveTimeout: 30_000, pipelining: 1 });
  });
  afterAll(() => agent.close());

  const post = (path: string, body: string, token = h.tokens.owner) =>
    request(`${base}${path}`, { method: 'POST', headers: bearer(token, JSON_HEADERS), body, dispatcher: agent });
  const entity = async () => {
    const res = await request(`${base}/api/entities/light.hall`, { headers: bearer(h.tokens.member), dispatcher: agent });
    return { status: res.statusCode, connection: res.headers.connection, body: (await res.body.json()) as { state: string } };
  };

  it('a 413 closes the connection, and the pooled client goes on on a new one', async () => {
    expect((await entity()).status).toBe(200);
    // Megabytes, so the client is still sending when the answer comes: the case that broke.
    const tooBig = await post('/api/entities/light.hall/commands/turn_on', JSON.stringify({ pad: 'x'.repeat(5_000_000) }));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.headers.connection).toBe('close');
    expect(((await tooBig.body.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    for (let i = 0; i < 5; i++) {
      const on = await post('/api/entities/light.hall/commands/turn_on', '{}');
      expect(on.statusCode).toBe(200);
      await on.body.dump();
      expect(await entity()).toMatchObject({ status: 200, connection: 'keep-alive', body: { state: 'on' } });
    }
  });

  it('a 401 before the body was read closes the connection too; a read body keeps it alive', async () => {
    const refused = await post('/api/entities/light.hall/commands/turn_off', '{}', 'not-a-token');
    expect(refused.statusCode).toBe(401);
    expect(refused.headers.connection).toBe('close');
    await refused.body.dump();
    const off = await post('/api/entities/light.hall/commands/turn_off', '{}');
    expect(off.statusCode).toBe(200);
    expect(off.headers.connection).toBe('keep-alive');
    await off.body.dump();
    expect((await entity()).body.state).toBe('off');
  });
});

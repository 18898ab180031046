import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../../core/api/server.js';
import { createKernelPort } from '../../../core/plugins/entity-port.js';
import { JSON_HEADERS, bearer, createHarness, errorOf, type Harness } from './harness.js';
import { connectWs } from './ws-client.js';

let h: Harness;
let server: HttpServer;
const commands: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  const info = h.kernel.registry.add({ id: 'switch.gate', owner: 'test', allowedRoles: ['admin'] });
  h.kernel.states.init(info);
  h.kernel.dispatcher.register('switch.gate', {
    turn_on: () => void (commands.push('on'), h.kernel.states.update('switch.gate', { state: 'on' })),
    turn_off: () => void (commands.push('off'), h.kernel.states.update('switch.gate', { state: 'off' })),
  });
  server = await startHttpServer(h.app, { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server.close();
  h.close();
});

const post = (command: string, token: string) => h.app.request(`/api/entities/switch.gate/commands/${command}`, { method: 'POST', headers: { ...JSON_HEADERS, ...bearer(token) } });

describe('an entity with allowedRoles: [admin]', () => {
  it('REST: 403 with a clear message for a member, audited with the address; nothing runs', async () => {
    commands.length = 0;
    h.audits.length = 0;
    const res = await post('turn_on', h.tokens.member);
    expect(res.status).toBe(403);
    const error = await errorOf(res);
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/'switch\.gate' may only be commanded by admin.*member/);
    expect(commands).toEqual([]);
    expect(h.audits).toMatchObject([{ action: 'entity.command', outcome: 'denied', target: 'switch.gate', context: { userId: h.userIds.member, role: 'member' } }]);
  });

  it('REST: an admin and an owner are obeyed, and the state says who and with which role', async () => {
    commands.length = 0;
    const res = await post('turn_on', h.tokens.admin);
    expect(res.status).toBe(200);
    const { entity } = (await res.json()) as { entity: { state: string; context: { userId: string; role: string } } };
    expect(entity.state).toBe('on');
    expect(entity.context).toMatchObject({ userId: h.userIds.admin, role: 'admin' });
    expect((await post('turn_off', h.tokens.owner)).status).toBe(200);
    expect(commands).toEqual(['on', 'off']);
  });

  it('WebSocket: success:false with code forbidden for a member, success for an admin', async () => {
    commands.length = 0;
    const url = `ws://127.0.0.1:${server.port}/api/ws`;
    const member = connectWs(url);
    expect(await member.next()).toEqual({ type: 'auth_required' });
    member.send({ type: 'auth', token: h.tokens.member });
    expect(await member.next()).toMatchObject({ type: 'auth_ok' });
    member.send({ id: 1, type: 'command', entityId: 'switch.gate', command: 'turn_on' });
    const refused = (await member.next()) as { id: number; success: boolean; error: { code: string; message: string } };
    expect(refused).toMatchObject({ id: 1, type: 'result', success: false, error: { code: 'forbidden' } });
    expect(refused.error.message).toMatch(/may only be commanded by admin/);
    expect(commands).toEqual([]);

    const admin = connectWs(url);
    await admin.next();
    admin.send({ type: 'auth', token: h.tokens.admin });
    expect(await admin.next()).toMatchObject({ type: 'auth_ok' });
    admin.send({ id: 1, type: 'command', entityId: 'switch.gate', command: 'turn_on' });
    expect(await admin.next()).toMatchObject({ id: 1, type: 'result', success: true, result: { entity: { state: 'on' } } });
    expect(commands).toEqual(['on']);
    member.socket.close();
    admin.socket.close();
    await Promise.all([member.closed, admin.closed]);
  });
});

describe('hidden and icon', () => {
  it('reach GET /api/entities as attributes, beside the plugin\'s own', async () => {
    createKernelPort(h.kernel).add({ id: 'light.attic', icon: 'mdi:lamp', hidden: true, attributes: { brightness: 0 } }, 'test', undefined);
    const res = await h.app.request('/api/entities/light.attic', { headers: bearer(h.tokens.member) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { attributes: object }).attributes).toEqual({ brightness: 0, icon: 'mdi:lamp', hidden: true });
    const all = (await (await h.app.request('/api/entities', { headers: bearer(h.tokens.member) })).json()) as Array<{ id: string; attributes: object }>;
    expect(all.find((e) => e.id === 'light.hall')?.attributes).not.toHaveProperty('hidden');
  });
});

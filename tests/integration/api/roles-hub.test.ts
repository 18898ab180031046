import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type RunningHub } from '../../helpers/hub-process.js';
import { startMosquitto, type Mosquitto } from '../../helpers/mosquitto.js';
import { openProbe, type MqttProbe } from '../../helpers/mqtt-probe.js';

/**
 * The whole chain as a user sets it up: `allowedRoles`, `icon` and `hidden` in hearth.yaml,
 * the gpio plugin, the running hub (`hearth start`), its REST API and a real broker.
 */
let broker: Mosquitto;
let hub: RunningHub;
let probe: MqttProbe;
const tokens: Record<string, string> = {};

/** The parts of the answers these tests read: an error, a command's entity, or a state. */
interface Answer {
  error?: { code: string; message: string };
  entity?: Record<string, unknown>;
  state?: unknown;
  attributes?: Record<string, unknown>;
}

async function api(path: string, token: string, init: RequestInit = {}) {
  const res = await fetch(`${hub.url}${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Answer };
}
const command = (id: string, name: string, token: string) => api(`/api/entities/${id}/commands/${name}`, token, { method: 'POST', body: '{}' });

beforeAll(async () => {
  broker = await startMosquitto();
  const dir = mkdtempSync(join(tmpdir(), 'hearth-roles-hub-'));
  const config = join(dir, 'hearth.yaml');
  writeFileSync(
    config,
    [
      'hardware: { backend: sim }',
      'plugins:',
      '  - use: gpio',
      '    entities:',
      '      - { id: switch.gate, line: 22, allowedRoles: [admin], icon: "mdi:gate" }',
      '      - { id: switch.lamp, line: 23, hidden: true }',
      `mqtt: { url: "${broker.url}", node: roles, discovery: false, federation: false }`,
      '',
    ].join('\n'),
  );
  hub = await startHubProcess({ config, dataDir: join(dir, 'data') });
  const onboarded = await fetch(`${hub.url}/api/onboarding`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'olivia', password: 'a long enough password' }) });
  tokens.owner = ((await onboarded.json()) as { token: string }).token;
  for (const [username, role] of [['adam', 'admin'], ['mia', 'member']]) {
    expect((await api('/api/users', tokens.owner, { method: 'POST', body: JSON.stringify({ username, password: 'a long enough password', role }) })).status).toBe(201);
    const login = await fetch(`${hub.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'a long enough password' }) });
    tokens[role!] = ((await login.json()) as { token: string }).token;
  }
  probe = await openProbe(broker.url);
}, 60_000);
afterAll(async () => {
  await probe?.close();
  await hub?.stop();
  await broker?.stop();
});

describe('entity roles in a running hub', () => {
  it('REST: a member gets 403 on switch.gate, an admin turns it on; icon and hidden are in the state', async () => {
    const refused = await command('switch.gate', 'turn_on', tokens.member!);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/may only be commanded by admin/) });
    const done = await command('switch.gate', 'turn_on', tokens.admin!);
    expect(done.status).toBe(200);
    expect(done.body.entity).toMatchObject({ state: 'on', attributes: { icon: 'mdi:gate' }, context: { role: 'admin' } });
    expect((await api('/api/entities/switch.lamp', tokens.member!)).body.attributes).toEqual({ hidden: true });
    expect((await command('switch.lamp', 'turn_on', tokens.member!)).status).toBe(200);
  });

  it('MQTT /set acts as member by default: switch.gate refuses it, switch.lamp obeys', async () => {
    await command('switch.gate', 'turn_off', tokens.owner!);
    await command('switch.lamp', 'turn_off', tokens.owner!);
    const refusal = hub.waitForLog(/command from MQTT failed/);
    await probe.publish('hearth/roles/switch.gate/set', 'ON');
    expect(await refusal).toMatchObject({ entityId: 'switch.gate', err: expect.stringMatching(/may only be commanded by admin.*acts as member/) });
    await probe.subscribe('hearth/roles/switch.lamp/state');
    await probe.publish('hearth/roles/switch.lamp/set', 'ON');
    await probe.next((m) => m.topic === 'hearth/roles/switch.lamp/state' && JSON.parse(m.payload).state === 'on');
    expect((await api('/api/entities/switch.gate', tokens.member!)).body.state).toBe('off');
  });
});

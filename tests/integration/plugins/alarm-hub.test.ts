import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type RunningHub } from '../../helpers/hub-process.js';

/** The alarm panel in a real hub on the sim board, driven and watched over HTTP only. */
const DOOR = 17;
const SIREN = 22;
const SHED_DOOR = 5;
let dir: string;
let config: string;
let hub: RunningHub;
let token: string;

interface Answer {
  error?: { code: string; message: string };
  entity?: { state: string; attributes: Record<string, unknown> };
  state?: string;
  attributes?: Record<string, unknown>;
  lines?: { line: number; value: number }[];
  entries?: { what: string; kind: string; context: { userId?: string } | null; details: { params?: Record<string, unknown> } | null }[];
  code?: boolean;
  duress?: boolean;
}

async function api(path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(`${hub.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (res.status === 204 ? {} : await res.json()) as Answer };
}
const command = (entity: string, name: string, body: unknown = {}) => api(`/api/entities/${entity}/commands/${name}`, { method: 'POST', body });
const drive = (line: number, value: 0 | 1) => api(`/api/sim/lines/${line}`, { method: 'PUT', body: { value } });
const level = async (line: number) => (await api('/api/sim/lines')).body.lines!.find((l) => l.line === line)?.value;

/** Polls over HTTP (the test sees the hub only from outside) until `check` holds. */
async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > end) throw new Error(`still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const panelState = (id: string) => async () => (await api(`/api/entities/${id}`)).body.state;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-alarm-hub-'));
  config = join(dir, 'hearth.yaml');
  writeFileSync(
    config,
    [
      'hardware: { backend: sim }',
      'plugins:',
      '  - use: gpio',
      '    entities:',
      `      - { id: binary_sensor.front_door, line: ${DOOR}, deviceClass: door }`,
      `      - { id: binary_sensor.shed_door, line: ${SHED_DOOR}, deviceClass: door }`,
      `      - { id: switch.siren, line: ${SIREN} }`,
      '  - use: alarm',
      '    entity: alarm_control_panel.house',
      '    exitDelayS: { away: 0, home: 0, night: 0 }',
      '    entryDelayS: 2',
      '    triggerS: 2',
      '    afterTrigger: disarmed',
      '    sirens: [switch.siren]',
      '    zones:',
      '      - { entity: binary_sensor.front_door, modes: [away, home, night] }',
      '  - use: alarm',
      '    id: shed',
      '    isolate: true',
      '    entity: alarm_control_panel.shed',
      '    entryDelayS: 600',
      '    zones:',
      '      - { entity: binary_sensor.shed_door }',
      '',
    ].join('\n'),
  );
  hub = await startHubProcess({ config, dataDir: join(dir, 'data') });
  const onboarded = await fetch(`${hub.url}/api/onboarding`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'olivia', password: 'a long enough password' }),
  });
  token = ((await onboarded.json()) as { token: string }).token;
}, 60_000);
afterAll(async () => {
  await hub?.stop();
});

describe('alarm panel over HTTP', () => {
  it('each user sets their own codes; bad payloads are 400', async () => {
    expect((await api('/api/auth/alarm-code')).body).toEqual({ code: false, duress: false });
    expect((await api('/api/auth/alarm-code', { method: 'PUT', body: { code: '12' } })).status).toBe(400);
    expect((await api('/api/auth/alarm-code', { method: 'PUT', body: { code: '1234', duress: '1234' } })).status).toBe(400);
    expect((await api('/api/auth/alarm-code', { method: 'PUT', body: { code: '1234', duress: '9999' } })).status).toBe(204);
    expect((await api('/api/auth/alarm-code')).body).toEqual({ code: true, duress: true });
  });

  it('refuses arming with the front door open, naming it; an entry delay then sounds the siren line for triggerS', async () => {
    await drive(DOOR, 1);
    await until(async () => (await api('/api/entities/binary_sensor.front_door')).body.state, (s) => s === 'on');
    const refused = await command('alarm_control_panel.house', 'arm_away');
    expect(refused.status).toBe(409);
    expect(refused.body.error!.message).toContain('binary_sensor.front_door');
    expect((await command('alarm_control_panel.house', 'arm_away', { bypass: ['binary_sensor.front_door'] })).status).toBe(409);

    await drive(DOOR, 0);
    await until(async () => (await api('/api/entities/binary_sensor.front_door')).body.state, (s) => s === 'off');
    expect((await command('alarm_control_panel.house', 'arm_home')).body.entity!.state).toBe('armed_home');
    await drive(DOOR, 1);
    expect(await until(panelState('alarm_control_panel.house'), (s) => s !== 'armed_home')).toBe('pending');
    const on = await until(() => level(SIREN), (v) => v === 1);
    expect(on).toBe(1);
    const started = Date.now();
    expect((await api('/api/entities/alarm_control_panel.house')).body.state).toBe('triggered');
    await until(() => level(SIREN), (v) => v === 0);
    expect(Date.now() - started).toBeGreaterThan(1500);
    expect(await until(panelState('alarm_control_panel.house'), (s) => s === 'disarmed')).toBe('disarmed');
    await drive(DOOR, 0);
    // the next test arms: the closed door must have reached the panel first
    await until(async () => (await api('/api/entities/binary_sensor.front_door')).body.state, (s) => s === 'off');

    const log = await api('/api/logbook?entity=alarm_control_panel.house&limit=50');
    const arm = log.body.entries!.find((e) => e.kind === 'command' && e.what === 'arm_home');
    expect(arm?.context?.userId).toBeDefined();
  });

  it('wrong codes and missing codes never disarm; the code is not logged; attempts are rate-limited', async () => {
    expect((await command('alarm_control_panel.house', 'arm_home')).status).toBe(200);
    expect((await command('alarm_control_panel.house', 'disarm')).status).toBe(400);
    expect((await command('alarm_control_panel.house', 'disarm', { code: 42 })).status).toBe(400);
    const wrong = await command('alarm_control_panel.house', 'disarm', { code: '0000' });
    expect(wrong.status).toBe(409);
    expect((await api('/api/entities/alarm_control_panel.house')).body.state).toBe('armed_home');
    const right = await command('alarm_control_panel.house', 'disarm', { code: '1234' });
    expect(right.body.entity).toMatchObject({ state: 'disarmed', attributes: { changedBy: 'olivia' } });

    // the recorder writes the logbook in batches
    const disarmsLogged = async () => (await api('/api/logbook?entity=alarm_control_panel.house&limit=50')).body.entries!.filter((e) => e.what === 'disarm');
    const disarms = await until(disarmsLogged, (entries) => entries.length > 0);
    expect(JSON.stringify(disarms)).not.toContain('1234');

    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await command('alarm_control_panel.house', 'disarm', { code: '0000' })).status);
    expect(statuses.slice(0, 5)).toEqual([409, 409, 409, 409, 409]);
    expect(statuses[5]).toBe(429);
  });

  it('a restart resumes a pending entry delay with the time it had left', async () => {
    expect((await command('alarm_control_panel.shed', 'arm_home')).body.entity!.state).toBe('armed_home');
    await drive(SHED_DOOR, 1);
    const pending = await until(() => api('/api/entities/alarm_control_panel.shed'), (a) => a.body.state === 'pending');
    const deadline = pending.body.attributes!.until;
    expect(typeof deadline).toBe('string');

    await hub.stop();
    hub = await startHubProcess({ config, dataDir: join(dir, 'data') });
    const after = await api('/api/entities/alarm_control_panel.shed');
    expect(after.body).toMatchObject({ state: 'pending', attributes: { until: deadline } });
    expect((await command('alarm_control_panel.shed', 'disarm', { code: '1234' })).body.entity!.state).toBe('disarmed');

    // The shed's panel runs isolated: its wrong codes are counted apart, and the limit still answers 429.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await command('alarm_control_panel.shed', 'disarm', { code: '0000' })).status);
    expect(statuses).toEqual([409, 409, 409, 409, 409, 429]);
    expect((await api('/api/plugins')).body).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'shed', status: 'running', isolated: true })]));
  }, 60_000);
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type RunningHub } from '../../helpers/hub-process.js';

/** Schedules in a running hub (`hearth start`): from hearth.yaml and through the API, as entities and behind auth. */
let hub: RunningHub;
const tokens: Record<string, string> = {};

async function api(path: string, token: string, init: RequestInit = {}) {
  const res = await fetch(`${hub.url}${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Record<string, any> };
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-schedules-hub-'));
  const config = join(dir, 'hearth.yaml');
  // Every day, all day: the state does not depend on when the test runs.
  writeFileSync(
    config,
    [
      'hardware: { backend: sim }',
      'location: { latitude: 48.85, longitude: 2.35, timezone: Europe/Paris }',
      'schedules:',
      '  - { id: house, name: House, days: { weekdays: [{ from: "00:00", to: "24:00", value: comfort }], weekend: [{ from: "00:00", to: "24:00", value: comfort }] } }',
      '',
    ].join('\n'),
  );
  hub = await startHubProcess({ config, dataDir: join(dir, 'data') });
  const onboarded = await fetch(`${hub.url}/api/onboarding`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'olivia', password: 'a long enough password' }) });
  tokens.owner = ((await onboarded.json()) as { token: string }).token;
  expect((await api('/api/users', tokens.owner, { method: 'POST', body: JSON.stringify({ username: 'mia', password: 'a long enough password', role: 'member' }) })).status).toBe(201);
  const login = await fetch(`${hub.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'mia', password: 'a long enough password' }) });
  tokens.member = ((await login.json()) as { token: string }).token;
}, 60_000);
afterAll(async () => {
  await hub?.stop();
});

describe('schedules in a running hub', () => {
  it('a YAML schedule is the entity schedule.<id>, listed read-only; an API one is created and becomes an entity', async () => {
    const entity = await api('/api/entities/schedule.house', tokens.member!);
    expect(entity.status).toBe(200);
    expect(entity.body).toMatchObject({ domain: 'schedule', name: 'House', state: 'on', attributes: { value: 'comfort' } });
    expect(entity.body.attributes).not.toHaveProperty('next');

    const list = await api('/api/schedules', tokens.member!);
    expect(list.body.schedules).toEqual([expect.objectContaining({ id: 'house', source: 'yaml', readOnly: true })]);
    expect((await api('/api/schedules/house', tokens.owner!, { method: 'DELETE' })).status).toBe(403);
    expect((await api('/api/schedules', tokens.member!, { method: 'POST', body: JSON.stringify({ id: 'off_all_week' }) })).status).toBe(403);

    const created = await api('/api/schedules', tokens.owner!, { method: 'POST', body: JSON.stringify({ id: 'off_all_week', name: 'Never' }) });
    expect(created.status).toBe(201);
    expect((await api('/api/entities/schedule.off_all_week', tokens.member!)).body).toMatchObject({ state: 'off', name: 'Never' });
    const bad = await api('/api/schedules/off_all_week', tokens.owner!, { method: 'PUT', body: JSON.stringify({ days: { fri: [{ from: '10:00', to: '09:00' }] } }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^invalid schedule: days\.fri\[0\]\.to: must be after from/);
  });
});

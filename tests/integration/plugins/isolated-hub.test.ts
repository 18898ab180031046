import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startHubProcess, type RunningHub } from '../../helpers/hub-process.js';

/**
 * The acceptance run: a real hub loads a crashing plugin from a folder
 * outside the project with `isolate: true`; the hub stays healthy, the plugin is
 * restarted with back-off and finally marked failed, other entities keep answering.
 */
describe('a crashing isolated plugin in a running hub', () => {
  let hub: RunningHub;
  let token: string;
  const api = async <T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${hub.url}${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...init.headers } });
    return { status: res.status, body: (await res.json()) as T };
  };
  type Plugin = { id: string; status: string; isolated: boolean; error?: string };
  const plugin = async (id: string) => (await api<Plugin[]>('/api/plugins')).body.find((p) => p.id === id)!;

  beforeAll(async () => {
    const outside = mkdtempSync(join(tmpdir(), 'hearth-third-party-'));
    cpSync(join(ROOT, 'tests', 'fixtures', 'plugins', 'crash-on-timer'), join(outside, 'crashy'), { recursive: true });
    const config = join(outside, 'hearth.yaml');
    writeFileSync(
      config,
      [
        'name: Isolation test',
        'hardware: { backend: sim }',
        'plugins:',
        '  - use: ./crashy',
        '    isolate: true',
        `  - use: ${join(ROOT, 'tests', 'fixtures', 'plugins', 'healthy')}`,
        '',
      ].join('\n'),
    );
    hub = await startHubProcess({ config, dataDir: join(outside, 'data') });
    const onboarded = await fetch(`${hub.url}/api/onboarding`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'owner', password: 'a long enough password' }),
    });
    token = ((await onboarded.json()) as { token: string }).token;
  });
  afterAll(() => hub?.stop());

  it('restarts it, then marks it failed, while the hub and the other plugin keep answering', async () => {
    await expect.poll(async () => (await plugin('crash-on-timer')).status, { timeout: 10_000, interval: 100 }).toBe('restarting');
    expect(await plugin('crash-on-timer')).toMatchObject({ isolated: true, error: expect.stringMatching(/^timer: lost contact with the device \(exit code 1\); restarting in/) });
    const command = await api<{ error: { message: string } }>('/api/entities/switch.crashy/commands/turn_on', { method: 'POST', body: '{}' });
    expect(command.status).toBe(503);

    await expect.poll(async () => (await plugin('crash-on-timer')).status, { timeout: 40_000, interval: 250 }).toBe('failed');
    expect((await plugin('crash-on-timer')).error).toMatch(/gave up after 5 crashes in 10 minutes$/);
    expect((await api<{ status: string }>('/api/health')).body.status).toBe('ok');
    const healthy = await api<{ entity: { state: string } }>('/api/entities/switch.healthy/commands/turn_on', { method: 'POST', body: '{}' });
    expect(healthy).toMatchObject({ status: 200, body: { entity: { state: 'on' } } });
  }, 60_000);
});

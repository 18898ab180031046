import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PluginInfo } from '../../../core/plugins/info.js';
import { ROOT, startHubProcess, type RunningHub } from '../../helpers/hub-process.js';

/**
 * Issue #16's acceptance run: plugins from a folder outside the project throw from a
 * raw timer, leave a rejection unhandled, or keep exiting while isolated; a real hub
 * process stays up, the other plugin keeps answering, and GET /api/plugins tells the story.
 */
describe('errors blamed on a plugin in a running hub', () => {
  let hub: RunningHub | undefined;
  afterEach(async () => {
    await hub?.stop();
    hub = undefined;
  });

  function house() {
    const outside = mkdtempSync(join(tmpdir(), 'hearth-third-party-'));
    for (const name of ['raw-timer-throws', 'unhandled-rejection', 'calls-exit']) cpSync(join(ROOT, 'tests', 'fixtures', 'plugins', name), join(outside, name), { recursive: true });
    const config = join(outside, 'hearth.yaml');
    writeFileSync(
      config,
      [
        'name: Blame test',
        'hardware: { backend: sim }',
        'plugins:',
        '  - use: ./raw-timer-throws',
        '  - use: ./unhandled-rejection',
        '  - use: ./calls-exit',
        '    isolate: true',
        `  - use: ${join(ROOT, 'tests', 'fixtures', 'plugins', 'healthy')}`,
        '',
      ].join('\n'),
    );
    return { config, dataDir: join(outside, 'data') };
  }

  async function signIn(url: string): Promise<string> {
    const res = await fetch(`${url}/api/onboarding`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'owner', password: 'a long enough password' }),
    });
    return ((await res.json()) as { token: string }).token;
  }

  it('fails only the plugin, restarts it with back-off, isolates it from the next start; the hub and the others run on', async () => {
    const { config, dataDir } = house();
    hub = await startHubProcess({ config, dataDir });
    const token = await signIn(hub.url);
    const api = async <T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
      const res = await fetch(`${hub!.url}${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as T };
    };
    const plugin = async (id: string) => (await api<PluginInfo[]>('/api/plugins')).body.find((p) => p.id === id)!;

    await expect.poll(async () => (await plugin('raw-timer-throws')).restarts, { timeout: 15_000, interval: 100 }).toBeGreaterThanOrEqual(1);
    expect(await plugin('raw-timer-throws')).toMatchObject({ isolated: false, lastFailure: { error: 'uncaught exception: raw timer blew up', at: expect.any(String) } });
    await expect.poll(async () => (await plugin('unhandled-rejection')).restarts, { timeout: 15_000, interval: 100 }).toBeGreaterThanOrEqual(1);
    expect((await plugin('unhandled-rejection')).lastFailure?.error).toBe('unhandled promise rejection: nobody caught me');

    await expect.poll(async () => (await plugin('calls-exit')).restarts, { timeout: 15_000, interval: 100 }).toBeGreaterThanOrEqual(1);
    const exiting = await plugin('calls-exit');
    expect(exiting).toMatchObject({ isolated: true, lastFailure: { error: 'exited', exitCode: 3, at: expect.any(String) } });
    // While backing off it says when it tries again (once respawned, it is still `restarting` until set up).
    await expect.poll(() => plugin('calls-exit'), { timeout: 10_000, interval: 50 }).toMatchObject({ status: 'restarting', nextRestartAt: expect.any(String) });

    expect((await api<{ status: string }>('/api/health')).body.status).toBe('ok');
    expect(await plugin('healthy')).toMatchObject({ status: 'running', restarts: 0 });
    expect((await api<{ entity: { state: string } }>('/api/entities/switch.healthy/commands/turn_on', { method: 'POST', body: '{}' })).body.entity.state).toBe('on');
    expect(hub.child.exitCode).toBeNull();
    expect(hub.output()).not.toMatch(/releasing outputs and exiting/);
    expect(JSON.parse(readFileSync(join(dataDir, 'plugins', 'auto-isolate.json'), 'utf8'))).toEqual(expect.arrayContaining(['raw-timer-throws', 'unhandled-rejection']));

    await hub.stop();
    hub = await startHubProcess({ config, dataDir });
    const again = await fetch(`${hub.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'owner', password: 'a long enough password' }) });
    const second = ((await again.json()) as { token: string }).token;
    const list = (await (await fetch(`${hub.url}/api/plugins`, { headers: { authorization: `Bearer ${second}` } })).json()) as PluginInfo[];
    expect(list.find((p) => p.id === 'raw-timer-throws')).toMatchObject({ isolated: true, autoIsolated: true });
    expect(list.find((p) => p.id === 'healthy')).toMatchObject({ isolated: false, autoIsolated: false });
  }, 60_000);
});

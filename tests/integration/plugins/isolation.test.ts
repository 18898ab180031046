import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../core/config/index.js';
import { createKernel, type Kernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createPluginHost, loadPlugins, type PluginHost } from '../../../core/plugins/index.js';
import { startAutoIsolation } from '../../../core/plugins/auto-isolation.js';
import type { LoadedPlugin } from '../../../core/plugins/load.js';
import { readAutoIsolated, startBlockWatchdog, startTimedWatchdog } from '../../../core/plugins/watchdog.js';
import { CODE_ROOT } from '../../../core/version.js';
import { createSimBoard } from '../../../hardware/index.js';
import { nextEvent } from '../../helpers/bus.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/plugins/', import.meta.url));
const FAST_POLICY = { maxCrashes: 3, windowMs: 60_000, firstDelayMs: 50, maxDelayMs: 200 };
const hosts: PluginHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

async function startHost(pluginsYaml: string) {
  const plugins = await loadPlugins(parseConfig(`plugins:\n${pluginsYaml}`, join(FIXTURES, 'hearth.yaml')));
  const kernel = createKernel(silentLogger());
  const hardware = createSimBoard();
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-iso-'));
  const host = createPluginHost({ kernel, hardware, log: silentLogger(), dataDir, hub: { name: 'test' } }, { crashPolicy: FAST_POLICY });
  hosts.push(host);
  await host.start(plugins);
  return { kernel, host, hardware };
}

const status = (host: PluginHost, id: string) => host.list().find((p) => p.id === id);
const finalStatus = (kernel: Kernel, id: string) => nextEvent(kernel.bus, 'plugin_status', (e) => e.pluginId === id && e.status === 'failed');

describe('isolated plugins', () => {
  it('run in a child process with the same ctx: entities, commands, timers', async () => {
    const { kernel, host } = await startHost('  - use: ./healthy\n    isolate: true\n');
    expect(status(host, 'healthy')).toMatchObject({ status: 'running', isolated: true });
    await nextEvent(kernel.bus, 'state_changed', (e) => e.entityId === 'sensor.healthy_ticks' && Number(e.newState?.state) >= 2);
    const after = await kernel.dispatcher.dispatch({ entityId: 'switch.healthy', command: 'turn_on' });
    expect(after.state).toBe('on');
    expect((await kernel.dispatcher.dispatch({ entityId: 'switch.healthy', command: 'toggle' })).state).toBe('off');
  });

  it('restart a plugin that crashes on a timer, then mark it failed with its last error', async () => {
    const { kernel, host } = await startHost('  - use: ./crash-on-timer\n    isolate: true\n  - use: ./healthy\n');
    const restarting = await nextEvent(kernel.bus, 'plugin_status', (e) => e.pluginId === 'crash-on-timer' && e.status === 'restarting');
    expect(restarting.error).toMatch(/^timer: lost contact with the device \(exit code 1\); restarting in 0\.05 s$/);
    await expect(kernel.dispatcher.dispatch({ entityId: 'switch.crashy', command: 'turn_on' })).rejects.toThrow(/restarting|exited/);
    const failed = await finalStatus(kernel, 'crash-on-timer');
    expect(failed.error).toMatch(/^timer: lost contact with the device \(exit code 1\); gave up after 3 crashes in 1 minute$/);
    expect(kernel.states.get('switch.crashy')?.available).toBe(false);
    expect(status(host, 'healthy')?.status).toBe('running');
    expect((await kernel.dispatcher.dispatch({ entityId: 'switch.healthy', command: 'turn_on' })).state).toBe('on');
  });

  it('survive a plugin calling process.exit', async () => {
    const { kernel, host } = await startHost('  - use: ./calls-exit\n    isolate: true\n  - use: ./healthy\n');
    const failed = await finalStatus(kernel, 'calls-exit');
    expect(failed.error).toMatch(/exited \(exit code 3\)/);
    expect(status(host, 'healthy')?.status).toBe('running');
  });

  it('stop a plugin at its memory limit', async () => {
    const { kernel } = await startHost('  - use: ./memory-hog\n    isolate: true\n    memoryLimitMb: 32\n');
    const restarting = await nextEvent(kernel.bus, 'plugin_status', (e) => e.pluginId === 'memory-hog' && e.status === 'restarting');
    expect(restarting.error).toMatch(/ran out of memory \(limit 32 MB\)/);
  });

  it('release the relay a crashed child had energised', async () => {
    const { kernel, hardware } = await startHost('  - use: ./crash-on-timer\n    isolate: true\n    line: 9\n    afterMs: 400\n');
    await kernel.dispatcher.dispatch({ entityId: 'switch.crashy', command: 'turn_on' });
    expect(hardware.sim.level(9)).toBe(1);
    await nextEvent(kernel.bus, 'plugin_status', (e) => e.pluginId === 'crash-on-timer' && e.status === 'restarting');
    expect(hardware.sim.level(9)).toBe(0);
  });
});

describe('event-loop watchdog', () => {
  it('attributes a block to its plugin, reports it, and records it for isolation at the next start', async () => {
    const plugins = await loadPlugins(parseConfig('plugins:\n  - use: ./blocks-loop\n  - use: ./healthy\n', join(FIXTURES, 'hearth.yaml')));
    const kernel = createKernel(silentLogger());
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-watchdog-'));
    const file = join(dataDir, 'plugins', 'auto-isolate.json');
    let host: PluginHost | undefined;
    const blocked = new Promise<{ pluginId?: string; ms: number }>((resolve) => {
      const watchdog = startBlockWatchdog({
        autoIsolateFile: file,
        onBlocked: (pluginId, ms) => {
          host?.warn(pluginId ?? '', `blocked the event loop for ${(ms / 1000).toFixed(1)} s`);
          void watchdog.stop();
          resolve({ pluginId, ms });
        },
      });
      host = createPluginHost({ kernel, hardware: createSimBoard(), log: silentLogger(), dataDir, hub: { name: 'test' }, watchdog });
    });
    hosts.push(host!);
    await host!.start(plugins);
    const report = await blocked;
    expect(report.pluginId).toBe('blocks-loop');
    expect(report.ms).toBeGreaterThanOrEqual(2000);
    expect(status(host!, 'blocks-loop')?.error).toMatch(/^blocked the event loop for \d\.\d s$/);
    expect(status(host!, 'healthy')?.error).toBeUndefined();
    expect([...readAutoIsolated(file)]).toEqual(['blocks-loop']);
  });

  it('times callbacks on the main thread when every in-process plugin is built in, and reports only the innermost block', () => {
    let clock = 0;
    const file = join(mkdtempSync(join(tmpdir(), 'hearth-timed-')), 'plugins', 'auto-isolate.json');
    const reports: [string | undefined, number][] = [];
    const watchdog = startTimedWatchdog({ autoIsolateFile: file, exempt: new Set(['forgiven']), now: () => clock, onBlocked: (id, ms) => void reports.push([id, ms]) });
    watchdog.run('quick', () => (clock += 1999));
    watchdog.run('outer', () => watchdog.run('inner', () => (clock += 2500)));
    watchdog.run('forgiven', () => (clock += 3000));
    expect(() => watchdog.run('throws', () => {
      clock += 2000;
      throw new Error('boom');
    })).toThrow('boom');
    expect(reports).toEqual([['inner', 2500], ['forgiven', 3000], ['throws', 2000]]);
    expect([...readAutoIsolated(file)]).toEqual(['inner', 'throws']);
  });

  it('starts the watchdog thread only when a plugin from outside Hearth runs in process', async () => {
    const plugin = (use: string, file: string, entry: Record<string, unknown> = {}) => ({ id: use, file, entry: { use, ...entry } }) as unknown as LoadedPlugin;
    const builtin = plugin('gpio', join(CODE_ROOT, 'plugins', 'gpio', 'index.ts'));
    const outside = plugin('healthy', join(FIXTURES, 'healthy', 'index.js'));
    const kindWith = async (plugins: LoadedPlugin[]) => {
      const { watchdog } = startAutoIsolation({ dataDir: mkdtempSync(join(tmpdir(), 'hearth-kind-')), plugins, log: silentLogger(), warn: () => {} });
      await watchdog.stop();
      return watchdog.kind;
    };
    expect(await kindWith([builtin])).toBe('timed');
    expect(await kindWith([builtin, outside])).toBe('thread');
    expect(await kindWith([builtin, plugin('healthy', outside.file, { isolate: true })])).toBe('timed');
  });
});

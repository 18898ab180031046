import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimBoard } from '../../../hardware/index.js';
import { ConfigError, parseConfig } from '../../../core/config/index.js';
import { ConflictError } from '../../../core/errors.js';
import { createKernel, type Kernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createPluginHost, loadPlugins, type PluginHost } from '../../../core/plugins/index.js';
import { currentPluginScope } from '../../../core/plugins/attribution.js';
import { nextEvent } from '../../helpers/bus.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/plugins/', import.meta.url));
const hosts: PluginHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

/** Two failures within a minute and the host gives up; restarts after 30 ms. */
const FAST_POLICY = { maxCrashes: 2, windowMs: 60_000, firstDelayMs: 30, maxDelayMs: 60 };

async function startHost(pluginsYaml: string, setupTimeoutMs = 10_000, dataDir = mkdtempSync(join(tmpdir(), 'hearth-host-'))) {
  const loaded = parseConfig(`plugins:\n${pluginsYaml}`, join(FIXTURES, 'hearth.yaml'));
  const plugins = await loadPlugins(loaded);
  const kernel = createKernel(silentLogger());
  const hardware = createSimBoard();
  const host = createPluginHost({ kernel, hardware, log: silentLogger(), dataDir, hub: { name: 'test' } }, { setupTimeoutMs, crashPolicy: FAST_POLICY });
  hosts.push(host);
  await host.start(plugins);
  return { kernel, host, hardware };
}

const status = (host: PluginHost, id: string) => host.list().find((p) => p.id === id);
const gaveUp = (kernel: Kernel, id: string) => nextEvent(kernel.bus, 'plugin_status', (e) => e.pluginId === id && e.status === 'failed');

describe('plugin host', () => {
  it('runs a healthy plugin: entities, commands, timers', async () => {
    const { kernel, host } = await startHost('  - use: ./healthy\n');
    expect(status(host, 'healthy')).toMatchObject({ status: 'running', entities: ['switch.healthy', 'sensor.healthy_ticks'] });
    const state = await kernel.dispatcher.dispatch({ entityId: 'switch.healthy', command: 'turn_on' });
    expect(state.state).toBe('on');
    await nextEvent(kernel.bus, 'state_changed', (e) => e.entityId === 'sensor.healthy_ticks' && Number(e.newState?.state) >= 2);
  });

  it('restarts a plugin that throws in setup with back-off, then gives up: failed with its error, entities unavailable', async () => {
    const { kernel, host } = await startHost('  - use: ./throws-in-setup\n  - use: ./healthy\n');
    expect(status(host, 'throws-in-setup')).toMatchObject({
      status: 'restarting',
      error: 'setup: cannot find my device; restarting in 0.03 s',
      restarts: 0,
      lastFailure: { error: 'setup: cannot find my device', at: expect.any(String) },
      nextRestartAt: expect.any(String),
    });
    expect(kernel.states.get('sensor.never_read')?.available).toBe(false);
    const failed = await gaveUp(kernel, 'throws-in-setup');
    expect(failed.error).toBe('setup: cannot find my device; gave up after 2 crashes in 1 minute');
    const info = status(host, 'throws-in-setup')!;
    expect(info).toMatchObject({ status: 'failed', restarts: 1, isolated: false, autoIsolated: false });
    expect(info.nextRestartAt).toBeUndefined();
    expect(kernel.states.get('sensor.never_read')?.available).toBe(false);
    expect(status(host, 'healthy')?.status).toBe('running');
  });

  it('a plugin that throws in a timer releases the relay it energised at once, and its commands are refused while it restarts', async () => {
    const { kernel, host, hardware } = await startHost('  - use: ./throws-in-timer\n    line: 5\n  - use: ./healthy\n');
    expect(hardware.sim.level(5)).toBe(0); // active-low relay energised
    const restarting = await nextEvent(kernel.bus, 'plugin_status', (e) => e.pluginId === 'throws-in-timer' && e.status === 'restarting');
    expect(restarting.error).toBe('timer: sensor returned garbage; restarting in 0.03 s');
    await nextEvent(kernel.bus, 'state_changed', (e) => e.entityId === 'sensor.healthy_ticks');
    expect(hardware.sim.level(5)).toBe(1);
    expect(kernel.states.get('light.doomed')?.available).toBe(false);
    await expect(kernel.dispatcher.dispatch({ entityId: 'light.doomed', command: 'turn_off' })).rejects.toThrow(/plugin 'throws-in-timer' is restarting after a failure/);
    await gaveUp(kernel, 'throws-in-timer');
    expect(hardware.sim.level(5)).toBe(1);
    await expect(kernel.dispatcher.dispatch({ entityId: 'light.doomed', command: 'turn_off' })).rejects.toThrow(
      /plugin 'throws-in-timer' failed \(timer: sensor returned garbage; gave up after 2 crashes in 1 minute\)/,
    );
    expect(status(host, 'healthy')?.status).toBe('running');
  });

  it("handles a plugin's failure outside its scope: what the hub does then is not blamed on the plugin", async () => {
    const { kernel } = await startHost('  - use: ./throws-in-timer\n    line: 7\n');
    const scopes: unknown[] = [];
    kernel.bus.on('state_changed', (e) => e.entityId === 'light.doomed' && e.newState?.available === false && scopes.push(currentPluginScope()));
    kernel.bus.on('plugin_status', (e) => e.pluginId === 'throws-in-timer' && scopes.push(currentPluginScope()));
    await gaveUp(kernel, 'throws-in-timer');
    expect(scopes.length).toBeGreaterThanOrEqual(2);
    expect(scopes.every((s) => s === undefined)).toBe(true);
  });

  it('a plugin that failed once runs again after its back-off, entities available, the failure kept in its story', async () => {
    const { kernel, host } = await startHost('  - use: ./fails-once\n');
    await nextEvent(kernel.bus, 'plugin_status', (e) => e.pluginId === 'fails-once' && e.status === 'running');
    expect(status(host, 'fails-once')).toMatchObject({ status: 'running', restarts: 1, lastFailure: { error: 'timer: first run breaks' } });
    expect(status(host, 'fails-once')?.error).toBeUndefined();
    expect(kernel.states.get('switch.second_try')).toMatchObject({ available: true, state: 'off' });
    expect((await kernel.dispatcher.dispatch({ entityId: 'switch.second_try', command: 'turn_on' })).state).toBe('on');
  });

  it('gives up on a setup that never resolves, within the timeout', async () => {
    const { kernel, host } = await startHost('  - use: ./never-resolves\n  - use: ./healthy\n', 100);
    expect(status(host, 'never-resolves')).toMatchObject({ status: 'restarting', lastFailure: { error: 'setup: setup did not finish within 0.1 s' } });
    await gaveUp(kernel, 'never-resolves');
    expect(status(host, 'healthy')?.status).toBe('running');
  });

  it('fails a plugin that throws in a state subscription', async () => {
    const { kernel, host } = await startHost('  - use: ./healthy\n  - use: ./throws-in-subscription\n    watch: switch.healthy\n');
    await kernel.dispatcher.dispatch({ entityId: 'switch.healthy', command: 'turn_on' });
    expect(status(host, 'throws-in-subscription')).toMatchObject({ status: 'restarting', lastFailure: { error: 'subscription to switch.healthy: unexpected state' } });
    expect(kernel.states.get('binary_sensor.watcher')?.available).toBe(false);
    expect((await kernel.dispatcher.dispatch({ entityId: 'switch.healthy', command: 'turn_off' })).state).toBe('off');
  });

  it('answers a refused command with a conflict and keeps the plugin running', async () => {
    const { kernel, host } = await startHost('  - use: ./refuses\n');
    await expect(kernel.dispatcher.dispatch({ entityId: 'cover.gate', command: 'open' })).rejects.toThrow(new ConflictError('the gate is locked'));
    expect(status(host, 'refuses')?.status).toBe('running');
  });

  it('refuses a duplicate entity id at run time, naming both plugins', async () => {
    const { host } = await startHost('  - use: ./healthy\n  - use: ./healthy\n    id: healthy-2\n');
    expect(status(host, 'healthy-2')).toMatchObject({
      status: 'restarting',
      lastFailure: { error: "setup: entity 'switch.healthy' is declared by both 'healthy' and 'healthy-2'" },
    });
  });

  it('stops plugins in reverse order and releases their outputs', async () => {
    const { host, hardware } = await startHost('  - use: ./throws-in-timer\n    line: 6\n    afterMs: 60000\n');
    expect(hardware.sim.level(6)).toBe(0);
    await host.stop();
    expect(hardware.sim.level(6)).toBe(1);
    expect(status(host, 'throws-in-timer')?.status).toBe('stopped');
  });
});

describe('plugin loading', () => {
  async function loadErrors(pluginsYaml: string): Promise<string[]> {
    try {
      await loadPlugins(parseConfig(`plugins:\n${pluginsYaml}`, join(FIXTURES, 'hearth.yaml')));
    } catch (err) {
      if (err instanceof ConfigError) return err.issues.map((i) => `${i.line}: ${i.path}: ${i.message}`);
      throw err;
    }
    return [];
  }

  it('refuses a plugin written for another API version, saying both versions', async () => {
    expect(await loadErrors('  - use: ./wrong-api\n')).toEqual([
      "2: plugins[0].use: plugin 'wrong-api' 9.0.0 was written for plugin API 2, this hub provides API 1; install a matching version of the plugin",
    ]);
  });

  it('refuses a plugin whose configSchema is invalid', async () => {
    const [error] = await loadErrors('  - use: ./bad-schema\n');
    expect(error).toMatch(/^2: plugins\[0\]\.use: the plugin declares an invalid configSchema/);
  });

  it('reports config values the plugin schema refuses, with plugin id and key path', async () => {
    expect(await loadErrors('  - use: ./healthy\n    tickMs: fast\n    prefx: x\n')).toEqual([
      "3: plugins[0].tickMs: plugin 'healthy': must be integer",
      "4: plugins[0].prefx: plugin 'healthy': unknown key 'prefx' (did you mean 'prefix'?)",
    ]);
  });

  it('suggests the built-in plugin a typo was meant to be', async () => {
    expect(await loadErrors('  - use: shuter\n')).toEqual([
      "2: plugins[0].use: plugin 'shuter' is neither built in nor an installed npm package (did you mean the built-in 'shutter'?)",
    ]);
  });

  it('names a plugin that does not exist', async () => {
    expect(await loadErrors('  - use: hearth-plugin-nowhere\n')).toEqual([
      "2: plugins[0].use: plugin 'hearth-plugin-nowhere' is neither built in nor an installed npm package (try: npm install hearth-plugin-nowhere)",
    ]);
  });
});

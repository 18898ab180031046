import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimBoard } from '../../../hardware/index.js';
import { ConfigError, parseConfig } from '../../../core/config/index.js';
import { ConflictError } from '../../../core/errors.js';
import { createKernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createPluginHost, loadPlugins, type PluginHost } from '../../../core/plugins/index.js';
import { nextEvent } from '../../helpers/bus.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/plugins/', import.meta.url));
const hosts: PluginHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

async function startHost(pluginsYaml: string, setupTimeoutMs = 10_000) {
  const loaded = parseConfig(`plugins:\n${pluginsYaml}`, join(FIXTURES, 'hearth.yaml'));
  const plugins = await loadPlugins(loaded);
  const kernel = createKernel(silentLogger());
  const hardware = createSimBoard();
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-host-'));
  const host = createPluginHost({ kernel, hardware, log: silentLogger(), dataDir, hub: { name: 'test' } }, { setupTimeoutMs });
  hosts.push(host);
  await host.start(plugins);
  return { kernel, host, hardware };
}

const status = (host: PluginHost, id: string) => host.list().find((p) => p.id === id);

describe('plugin host', () => {
  it('runs a healthy plugin: entities, commands, timers', async () => {
    const { kernel, host } = await startHost('  - use: ./healthy\n');
    expect(status(host, 'healthy')).toMatchObject({ status: 'running', entities: ['switch.healthy', 'sensor.healthy_ticks'] });
    const state = await kernel.dispatcher.dispatch({ entityId: 'switch.healthy', command: 'turn_on' });
    expect(state.state).toBe('on');
    await nextEvent(kernel.bus, 'state_changed', (e) => e.entityId === 'sensor.healthy_ticks' && Number(e.newState?.state) >= 2);
  });

  it('isolates a plugin that throws in setup: failed with its error, entities unavailable', async () => {
    const { kernel, host } = await startHost('  - use: ./throws-in-setup\n  - use: ./healthy\n');
    expect(status(host, 'throws-in-setup')).toMatchObject({ status: 'failed', error: 'setup: cannot find my device' });
    expect(kernel.states.get('sensor.never_read')?.available).toBe(false);
    expect(status(host, 'healthy')?.status).toBe('running');
  });

  it('isolates a plugin that throws in a timer and releases the relay it energised', async () => {
    const { kernel, host, hardware } = await startHost('  - use: ./throws-in-timer\n    line: 5\n  - use: ./healthy\n');
    expect(hardware.sim.level(5)).toBe(0); // active-low relay energised
    const failed = await nextEvent(kernel.bus, 'plugin_status', (e) => e.pluginId === 'throws-in-timer' && e.status === 'failed');
    expect(failed.error).toBe('timer: sensor returned garbage');
    await nextEvent(kernel.bus, 'state_changed', (e) => e.entityId === 'sensor.healthy_ticks');
    expect(hardware.sim.level(5)).toBe(1);
    expect(kernel.states.get('light.doomed')?.available).toBe(false);
    await expect(kernel.dispatcher.dispatch({ entityId: 'light.doomed', command: 'turn_off' })).rejects.toThrow(
      /plugin 'throws-in-timer' failed \(timer: sensor returned garbage\)/,
    );
    expect(status(host, 'healthy')?.status).toBe('running');
  });

  it('gives up on a setup that never resolves, within the timeout', async () => {
    const { host } = await startHost('  - use: ./never-resolves\n  - use: ./healthy\n', 100);
    expect(status(host, 'never-resolves')).toMatchObject({ status: 'failed', error: 'setup: setup did not finish within 0.1 s' });
    expect(status(host, 'healthy')?.status).toBe('running');
  });

  it('isolates a plugin that throws in a state subscription', async () => {
    const { kernel, host } = await startHost('  - use: ./healthy\n  - use: ./throws-in-subscription\n    watch: switch.healthy\n');
    await kernel.dispatcher.dispatch({ entityId: 'switch.healthy', command: 'turn_on' });
    expect(status(host, 'throws-in-subscription')).toMatchObject({ status: 'failed', error: 'subscription to switch.healthy: unexpected state' });
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
      status: 'failed',
      error: "setup: entity 'switch.healthy' is declared by both 'healthy' and 'healthy-2'",
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

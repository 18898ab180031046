import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../core/config/index.js';
import { createKernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createPluginHost, loadPlugins, type PluginHost } from '../../../core/plugins/index.js';
import { createSimBoard } from '../../../hardware/index.js';
import { stateOf } from '../../helpers/bus.js';

const hosts: PluginHost[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('ctx.commands.run from an isolated plugin', () => {
  it("reaches another plugin's relay in the hub: an isolated thermostat heats through an in-process gpio switch", async () => {
    const yaml = [
      'plugins:',
      '  - use: thermostat',
      '    isolate: true',
      '    zones: [{ id: climate.bedroom, sensor: sensor.bedroom_temperature, heater: switch.heater, target: 20, minCycleS: 0 }]',
      '  - use: gpio',
      '    entities: [{ id: switch.heater, line: 23, allowedRoles: [admin] }]',
      '',
    ].join('\n');
    const plugins = await loadPlugins(parseConfig(yaml, join(tmpdir(), 'hearth.yaml')));
    const kernel = createKernel(silentLogger());
    // The room sensor, owned by the test.
    kernel.states.init(kernel.registry.add({ id: 'sensor.bedroom_temperature', owner: 'test', commands: [] }));
    kernel.states.update('sensor.bedroom_temperature', { state: 18 });
    const hardware = createSimBoard();
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-iso-commands-'));
    dirs.push(dataDir);
    const host = createPluginHost({ kernel, hardware, log: silentLogger(), dataDir, hub: { name: 'test' } });
    hosts.push(host);
    await host.start(plugins);
    expect(host.list().find((p) => p.id === 'thermostat')).toMatchObject({ status: 'running', isolated: true });

    await stateOf(kernel, 'switch.heater', (s) => s.state === 'on', 10_000, 'heater on');
    expect(hardware.sim.level(23)).toBe(1);
    await stateOf(kernel, 'climate.bedroom', (s) => s.attributes.hvacAction === 'heating', 10_000, 'heating');
    kernel.states.update('sensor.bedroom_temperature', { state: 21 });
    await stateOf(kernel, 'switch.heater', (s) => s.state === 'off', 10_000, 'heater off');
    expect(hardware.sim.level(23)).toBe(0);
  });
});

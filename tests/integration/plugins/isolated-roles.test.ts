import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../core/config/index.js';
import { ForbiddenError } from '../../../core/errors.js';
import { createContext, createKernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createPluginHost, loadPlugins, type PluginHost } from '../../../core/plugins/index.js';
import { createSimBoard } from '../../../hardware/index.js';
import { nextEvent } from '../../helpers/bus.js';

const hosts: PluginHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

describe('the shared entity base in an isolated plugin', () => {
  it('reaches the hub: allowedRoles is enforced there, icon and hidden are attributes', async () => {
    const yaml = 'plugins:\n  - use: gpio\n    isolate: true\n    entities:\n      - { id: switch.gate, line: 22, allowedRoles: [admin], icon: "mdi:gate", hidden: true }\n';
    const plugins = await loadPlugins(parseConfig(yaml, join(tmpdir(), 'hearth.yaml')));
    const kernel = createKernel(silentLogger());
    const host = createPluginHost({ kernel, hardware: createSimBoard(), log: silentLogger(), dataDir: mkdtempSync(join(tmpdir(), 'hearth-iso-roles-')), hub: { name: 'test' } });
    hosts.push(host);
    const ready = nextEvent(kernel.bus, 'state_changed', (e) => e.entityId === 'switch.gate' && e.newState?.state === 'off');
    await host.start(plugins);
    await ready;
    expect(host.list().find((p) => p.id === 'gpio')).toMatchObject({ status: 'running', isolated: true });
    expect(kernel.registry.get('switch.gate')?.allowedRoles).toEqual(['admin']);
    expect(kernel.states.get('switch.gate')?.attributes).toEqual({ icon: 'mdi:gate', hidden: true });

    await expect(kernel.dispatcher.dispatch({ entityId: 'switch.gate', command: 'turn_on', context: createContext({ role: 'member' }) })).rejects.toBeInstanceOf(ForbiddenError);
    expect(kernel.states.get('switch.gate')?.state).toBe('off');
    const after = await kernel.dispatcher.dispatch({ entityId: 'switch.gate', command: 'turn_on', context: createContext({ role: 'admin' }) });
    expect(after.state).toBe('on');
  });
});

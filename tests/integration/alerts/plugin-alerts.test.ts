import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../core/config/index.js';
import { createContext } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import type { HearthPlugin } from '../../../core/plugin-api.js';
import { createPluginHost, loadPlugins, type PluginHost } from '../../../core/plugins/index.js';
import { createTestHub } from '../../../core/testing/test-hub.js';
import { createSimBoard } from '../../../hardware/index.js';
import { stateOf } from '../../helpers/bus.js';
import { alertsHome, type AlertsHome } from '../../unit/alerts/harness.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/plugins/', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(isolate: boolean): Promise<{ home: AlertsHome; host: PluginHost }> {
  const home = await alertsHome();
  cleanups.push(home.close);
  const plugins = await loadPlugins(parseConfig(`plugins:\n  - use: ./raises-alert\n    isolate: ${isolate}\n`, join(FIXTURES, 'hearth.yaml')));
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-plugin-alerts-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const hardware = createSimBoard();
  const host = createPluginHost({ kernel: home.kernel, hardware, log: silentLogger(), dataDir, hub: { name: 'test' }, alerts: home.alerts });
  cleanups.push(async () => (await host.stop(), await hardware.close()));
  await host.start(plugins);
  return { home, host };
}

describe.each([
  ['in process', false],
  ['isolated', true],
])('ctx.alerts.raise %s', (_mode, isolate) => {
  it('raises as plugin:<id> in the context of the command that caused it, resolves with the id, and refuses bad input', async () => {
    const { home, host } = await start(isolate);
    expect(host.list()[0]).toMatchObject({ status: 'running', isolated: isolate });
    const button = await stateOf(home.kernel, 'button.tamper', (s) => s.attributes.refused !== undefined, 10_000, 'setup done');
    expect(button.attributes.refused).toMatch(/invalid alert: severity: .*title: /);

    const context = createContext({ userId: 'u1' });
    await home.kernel.dispatcher.dispatch({ entityId: 'button.tamper', command: 'press', context });
    const pressed = await stateOf(home.kernel, 'button.tamper', (s) => typeof s.attributes.alertId === 'number', 10_000, 'alert id');
    const alert = home.alerts.get(pressed.attributes.alertId as number);
    expect(alert).toMatchObject({ severity: 'critical', title: 'Tamper switch', entityId: 'button.tamper', source: 'plugin:raises-alert', status: 'open', notify: ['phone'] });
    expect(home.sent.map((s) => s.n.alertId)).toEqual([alert.id]);
    // The logbook links the raise to whoever pressed
    expect(home.audits.find((a) => a.action === 'alert.raised')?.context.userId).toBe('u1');
  });
});

describe('the SDK test hub', () => {
  it('keeps what plugins raise, deduplicated as the hub does', async () => {
    const plugin = (await import(join(FIXTURES, 'raises-alert', 'index.js'))) as { default: HearthPlugin<unknown> };
    const hub = await createTestHub({ config: { plugins: [{ use: 'raises-alert' }] }, plugins: { 'raises-alert': plugin.default } });
    cleanups.push(() => hub.stop());
    await hub.command('button.tamper', 'press');
    await hub.command('button.tamper', 'press');
    expect(hub.alerts()).toEqual([expect.objectContaining({ title: 'Tamper switch', source: 'plugin:raises-alert', count: 2 })]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../core/config/index.js';
import { createKernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createPluginHost, loadPlugins } from '../../../core/plugins/index.js';
import { createSimBoard } from '../../../hardware/index.js';
import { stateOf } from '../../helpers/bus.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/plugins/', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.each([
  ['in process', false],
  ['isolated', true],
])('ctx.status.set %s', (_mode, isolate) => {
  it('shows the plugin’s details in the host’s list (GET /api/plugins)', async () => {
    const kernel = createKernel(silentLogger());
    const plugins = await loadPlugins(parseConfig(`plugins:\n  - use: ./reports-status\n    isolate: ${isolate}\n`, join(FIXTURES, 'hearth.yaml')));
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-status-details-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const hardware = createSimBoard();
    const host = createPluginHost({ kernel, hardware, log: silentLogger(), dataDir, hub: { name: 'test' } });
    cleanups.push(async () => (await host.stop(), await hardware.close()));
    await host.start(plugins);
    await stateOf(kernel, 'sensor.reported', (s) => s.state === 1, 10_000, 'setup done');
    expect(host.list()[0]).toMatchObject({ status: 'running', isolated: isolate, details: { seen: 3, skipped: [{ topic: 'a/b', reason: 'not JSON' }] } });
  });
});

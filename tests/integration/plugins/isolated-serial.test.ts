import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../core/config/index.js';
import { createKernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createPluginHost, loadPlugins, type PluginHost } from '../../../core/plugins/index.js';
import { createSimBoard } from '../../../hardware/index.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/plugins/', import.meta.url));
const sum = (s: string) => String.fromCharCode(([...s].reduce((a, c) => a + c.charCodeAt(0), 0) & 0x3f) + 0x20);
const group = (label: string, data: string) => `${label} ${data} ${sum(`${label} ${data}`)}`;
/** A historic-mode TIC frame of a Base contract drawing `va`. */
const frame = (va: number) => Buffer.from(`\x02${[group('ADCO', '021861348497'), group('BASE', '012345678'), group('PAPP', String(va).padStart(5, '0'))].map((g) => `\n${g}\r`).join('')}\x03`, 'latin1');

let host: PluginHost | undefined;
afterEach(async () => host?.stop());

describe('serial in an isolated plugin', () => {
  it('streams the port the hub holds to the child, and a pulled cable reaches it as an io error it recovers from', async () => {
    const plugins = await loadPlugins(parseConfig('plugins:\n  - { use: tic, isolate: true, port: /dev/ttyUSB1, mode: historic, prefix: meter, reopenS: 0.1 }\n', join(FIXTURES, 'hearth.yaml')));
    const kernel = createKernel(silentLogger());
    const hardware = createSimBoard();
    host = createPluginHost({ kernel, hardware, log: silentLogger(), dataDir: mkdtempSync(join(tmpdir(), 'hearth-iso-serial-')), hub: { name: 'test' } });
    await host.start(plugins);
    expect(host.list().find((p) => p.id === 'tic')).toMatchObject({ status: 'running', isolated: true });
    const power = () => kernel.states.get('sensor.meter_power')?.state;

    // the child asked the hub to open the port with the TIC's historic settings
    await vi.waitFor(() => expect(hardware.sim.serial.settings('/dev/ttyUSB1')).toEqual({ baudRate: 1200, dataBits: 7, parity: 'even', stopBits: 1 }), { timeout: 10_000 });
    // a meter sends a frame every second or two: bytes sent before the child's reader is attached are lost, as on a real line
    const meterSends = async (va: number) => vi.waitFor(() => {
      hardware.sim.serial.send('/dev/ttyUSB1', frame(va));
      expect(power()).toBe(va);
    }, { timeout: 10_000, interval: 200 });
    await meterSends(2790);

    hardware.sim.serial.unplug('/dev/ttyUSB1');
    expect(hardware.sim.serial.settings('/dev/ttyUSB1')).toBeUndefined();
    // the plugin saw the io error and reopened the port through the hub
    await vi.waitFor(() => expect(hardware.sim.serial.settings('/dev/ttyUSB1')).toBeDefined(), { timeout: 10_000 });
    await meterSends(1200);

    await host.stop();
    host = undefined;
    expect(hardware.sim.serial.settings('/dev/ttyUSB1')).toBeUndefined();
  }, 30_000);
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHubProcess, type RunningHub } from '../../helpers/hub-process.js';

/** A TIC meter's bytes through `POST /api/sim/serial/:port` into a running hub (`hearth start`) and its `tic` plugin. */
let hub: RunningHub;
let token: string;

const sum = (s: string) => String.fromCharCode(([...s].reduce((a, c) => a + c.charCodeAt(0), 0) & 0x3f) + 0x20);
/** Historic groups: the checksum covers label SP data, not the SP before it. */
const group = (label: string, data: string) => `${label} ${data} ${sum(`${label} ${data}`)}`;
const frame = (groups: string[]) => Buffer.from(`\x02${groups.map((g) => `\n${g}\r`).join('')}\x03`, 'latin1');

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-tic-hub-'));
  const config = join(dir, 'hearth.yaml');
  writeFileSync(config, ['hardware: { backend: sim }', 'plugins:', '  - { use: tic, port: /dev/ttyUSB1, mode: historic, prefix: meter }', ''].join('\n'));
  hub = await startHubProcess({ config, dataDir: join(dir, 'data') });
  const onboarded = await fetch(`${hub.url}/api/onboarding`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'olivia', password: 'a long enough password' }) });
  token = ((await onboarded.json()) as { token: string }).token;
}, 60_000);
afterAll(async () => {
  await hub?.stop();
});

const entity = async (id: string) => (await (await fetch(`${hub.url}/api/entities/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { state: unknown; available: boolean };
const send = (body: Buffer) => fetch(`${hub.url}/api/sim/serial/ttyUSB1`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body });

describe('tic in a running hub', () => {
  it('a historic Tempo frame sets the meter entities; a group with a bad checksum is dropped and counted', async () => {
    // 409 until the plugin has the port open; a lone 0 byte outside a frame is ignored.
    await vi.waitFor(async () => expect((await send(Buffer.of(0))).status).toBe(200), { timeout: 10_000 });
    const groups = [group('ADCO', '021861348497'), group('OPTARIF', 'BBR('), group('ISOUSC', '45'), group('BBRHCJB', '012345678'), group('BBRHPJB', '023456789'), group('PTEC', 'HCJB'), group('DEMAIN', 'ROUG'), group('IINST', '012'), group('PAPP', '02790')];
    const corrupted = [...groups.slice(0, 7), 'IINST 099 ' + sum('IINST 012'), groups[8]!];
    const res = await send(frame(corrupted));
    expect(res.status).toBe(200);
    await vi.waitFor(async () => expect((await entity('sensor.meter_power')).state).toBe(2790));
    expect((await entity('sensor.meter_current')).available).toBe(false);
    expect((await entity('sensor.meter_rejected_groups')).state).toBe(1);
    expect((await entity('sensor.meter_imported')).state).toBeCloseTo(35802.467);
    expect((await entity('sensor.meter_index_bbrhcjb')).state).toBe(12345.678);
    expect((await entity('sensor.meter_tempo_today')).state).toBe('blue');
    expect((await entity('sensor.meter_tempo_tomorrow')).state).toBe('red');
    expect((await entity('sensor.meter_tariff_period')).state).toBe('HCJB');
    await send(frame(groups));
    await vi.waitFor(async () => expect((await entity('sensor.meter_current')).state).toBe(12));
  }, 30_000);
});

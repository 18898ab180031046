import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { startHubProcess, type RunningHub } from '../../helpers/hub-process.js';

/** Pulses through `PUT /api/sim/lines/:line` into a running hub's `pulse-meter`, then a graceful restart and a `kill -9`. */
const dir = mkdtempSync(join(tmpdir(), 'hearth-pulse-hub-'));
const config = join(dir, 'hearth.yaml');
const dataDir = join(dir, 'data');
writeFileSync(config, [
  'hardware: { backend: sim }',
  'plugins:',
  '  - use: pulse-meter',
  '    commitIntervalS: 1',
  '    meters: [{ id: sensor.meter, kind: energy, line: 18, bias: pull-up, pulsesPerUnit: 1000, debounceMs: 0 }]',
  '',
].join('\n'));

let hub: RunningHub | undefined;
let token = '';
afterEach(async () => {
  await hub?.stop();
});

const auth = () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const total = async () => ((await (await fetch(`${hub!.url}/api/entities/sensor.meter`, { headers: auth() })).json()) as { state: number }).state;
async function pulses(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    for (const value of [0, 1]) {
      const res = await fetch(`${hub!.url}/api/sim/lines/18`, { method: 'PUT', headers: auth(), body: JSON.stringify({ value }) });
      expect(res.status).toBe(200);
    }
  }
}

it('keeps every pulse across a graceful restart, and after a kill -9 loses at most the last commit interval, never going backwards', async () => {
  hub = await startHubProcess({ config, dataDir });
  const onboarded = await fetch(`${hub.url}/api/onboarding`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'olivia', password: 'a long enough password' }) });
  token = ((await onboarded.json()) as { token: string }).token;
  expect(await total()).toBe(0);
  await pulses(20);
  await vi.waitFor(async () => expect(await total()).toBe(0.02), { timeout: 10_000 });
  await pulses(3);
  expect(await hub.stop('SIGTERM')).toBe(0);

  hub = await startHubProcess({ config, dataDir });
  expect(await total()).toBe(0.023);
  await pulses(10);
  await vi.waitFor(async () => expect(await total()).toBe(0.033), { timeout: 10_000 });
  const shown = await total();
  // pulses in the open commit interval, then the power cut
  await pulses(5);
  const seen = await total();
  hub.child.kill('SIGKILL');
  expect((await hub.exited).signal).toBe('SIGKILL');

  hub = await startHubProcess({ config, dataDir });
  const after = await total();
  expect(after).toBeGreaterThanOrEqual(Math.max(shown, seen));
  expect(after).toBeLessThanOrEqual(0.038);
}, 90_000);

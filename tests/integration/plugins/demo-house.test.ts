import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';

const DEMO = join(process.cwd(), 'examples', 'demo-house.yaml');
let hub: TestHub | undefined;
let child: ChildProcess | undefined;
const dirs: string[] = [];

afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  child = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('demo house', () => {
  it('has the entities a newcomer should see, all alive', async () => {
    hub = await createTestHub({ config: readFileSync(DEMO, 'utf8') });
    expect(hub.plugins().map((p) => [p.id, p.status])).toEqual([
      ['demo-house', 'running'], ['gpio', 'running'], ['pwm-light', 'running'], ['shutter', 'running'], ['climate-i2c', 'running'], ['onewire', 'running'],
    ]);
    const states = hub.states();
    expect(new Set(states.map((s) => s.area)).size).toBeGreaterThanOrEqual(3);
    const byClass = (domain: string, deviceClass: string) => states.filter((s) => s.domain === domain && s.attributes.deviceClass === deviceClass);
    for (const c of ['motion', 'door', 'rain']) expect(byClass('binary_sensor', c).length).toBeGreaterThanOrEqual(1);
    expect(states.filter((s) => s.domain === 'light').length).toBeGreaterThanOrEqual(4);
    expect(states.filter((s) => s.domain === 'cover').length).toBeGreaterThanOrEqual(2);
    for (const c of ['temperature', 'humidity', 'pressure', 'illuminance']) {
      const [sensor] = byClass('sensor', c);
      expect(sensor, c).toBeDefined();
      const reading = await hub.waitFor(sensor!.id, (s) => typeof s.state === 'number');
      expect(reading.available).toBe(true);
    }
    await hub.command('light.living_room', 'turn_on', { brightness: 40 });
    expect(hub.state('light.living_room').attributes.brightness).toBe(40);
    // The heater relay warms the simulated bedroom.
    await hub.command('switch.bedroom_heater', 'turn_on');
    expect(hub.sim.environment.room('bedroom').heating()).toBe(true);
  });

  it('the compiled hub answers /api/health within 3 s of launch', async () => {
    const data = mkdtempSync(join(tmpdir(), 'hearth-demo-'));
    dirs.push(data);
    const launchedAt = Date.now();
    child = spawn(process.execPath, ['dist/core/cli.js', 'start', '--config', DEMO, '--data', data, '--port', '0'], {
      env: { ...process.env, HEARTH_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /"url":"(http:\/\/[^"]+)"/.exec(out);
        if (match) resolve(match[1]!);
      });
      child!.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${stderr}${out}`)));
    });
    const response = await fetch(new URL('/api/health', url));
    const elapsed = Date.now() - launchedAt;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
    expect(elapsed).toBeLessThan(3000);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config/index.js';
import { startHub, type Hub } from '../../../core/hub.js';
import { createContext } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { stateOf } from '../../helpers/bus.js';
import { startHubProcess, type RunningHub } from '../../helpers/hub-process.js';
import { startMosquitto, type Mosquitto } from '../../helpers/mosquitto.js';
import { openProbe, type MqttProbe } from '../../helpers/mqtt-probe.js';

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'plugins', 'fed-devices');
const KEEPALIVE_S = 1;

let broker: Mosquitto;
let dir: string;
let satellite: RunningHub | undefined;
let main: Hub | undefined;
let probe: MqttProbe;

function writeConfig(node: string, prefix: string): string {
  const file = join(dir, `${node}.yaml`);
  writeFileSync(
    file,
    [
      `name: ${node}`,
      'hardware: { backend: sim }',
      'logging: { level: info }',
      `plugins: [{ use: ${JSON.stringify(FIXTURE)}, prefix: ${prefix} }]`,
      `mqtt: { url: ${broker.url}, node: ${node}, keepaliveS: ${KEEPALIVE_S}, reconnect: { minMs: 50, maxMs: 500 } }`,
    ].join('\n'),
  );
  return file;
}

beforeAll(async () => {
  broker = await startMosquitto();
  dir = mkdtempSync(join(tmpdir(), 'hearth-federation-'));
  probe = await openProbe(broker.url);
  await probe.subscribe('hearth/#');
});

afterAll(async () => {
  await satellite?.stop('SIGKILL');
  await main?.stop();
  await probe?.close();
  await broker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('several hubs on one broker', () => {
  it('mirrors a satellite, routes commands to it, and follows its last will', async () => {
    satellite = await startHubProcess({ config: writeConfig('sat', 'sat'), dataDir: join(dir, 'sat-data') });
    main = await startHub({ loaded: loadConfig(writeConfig('main', 'main')), dataDir: join(dir, 'main-data'), log: silentLogger(), port: 0, host: '127.0.0.1' });
    const { kernel } = main;

    const mirrored = await stateOf(kernel, 'switch.sat_pump', (s) => s.state === 'off' && s.available, 10_000, 'mirror');
    expect(mirrored.area).toBe('garden');
    expect(kernel.registry.get('switch.sat_pump')).toMatchObject({ owner: 'node:sat', remote: { node: 'sat' } });
    const temperature = await stateOf(kernel, 'sensor.sat_temperature', (s) => s.state === 20, 5000, 'mirrored sensor');
    expect(temperature.attributes).toMatchObject({ unit: '°C', deviceClass: 'temperature' });

    const turnedOn = stateOf(kernel, 'switch.sat_pump', (s) => s.state === 'on', 5000, 'routed turn_on');
    await kernel.dispatcher.dispatch({ entityId: 'switch.sat_pump', command: 'turn_on', context: createContext({ userId: 'alice' }) });
    expect((await turnedOn).context.node).toBe('sat');
    const confirmed = await probe.next((m) => m.topic === 'hearth/sat/switch.sat_pump/state' && JSON.parse(m.payload).state === 'on');
    expect(JSON.parse(confirmed.payload).context.node).toBe('main');

    // The satellite mirrors main's entities too, yet neither re-exports the other's.
    await probe.next((m) => m.topic === 'hearth/main/switch.main_pump/state');
    expect(probe.messages.filter((m) => /^hearth\/main\/[^/]*sat_/.test(m.topic) || /^hearth\/sat\/[^/]*main_/.test(m.topic))).toEqual([]);

    const killedAt = Date.now();
    await satellite.stop('SIGKILL');
    await stateOf(kernel, 'switch.sat_pump', (s) => !s.available, KEEPALIVE_S * 1500 + 3000, 'unavailable after kill -9');
    expect(Date.now() - killedAt).toBeLessThan(KEEPALIVE_S * 1500 + 3000);
    expect(kernel.states.get('sensor.sat_temperature')?.available).toBe(false);
    await expect(kernel.dispatcher.dispatch({ entityId: 'switch.sat_pump', command: 'turn_off' })).rejects.toThrow(/node 'sat' is offline/);

    satellite = await startHubProcess({ config: writeConfig('sat', 'sat'), dataDir: join(dir, 'sat-data') });
    const back = await stateOf(kernel, 'switch.sat_pump', (s) => s.available && s.state === 'off', 10_000, 'back after restart');
    expect(back.state).toBe('off');
    await kernel.dispatcher.dispatch({ entityId: 'switch.sat_pump', command: 'turn_on' });
    await stateOf(kernel, 'switch.sat_pump', (s) => s.state === 'on', 5000, 'routed after restart');

    // A frozen satellite (a hung Pi, a pulled cable) keeps its socket open: only the keepalive reveals it.
    const frozenAt = Date.now();
    satellite.child.kill('SIGSTOP');
    try {
      // The broker checks keepalives about once a second and a loaded CI box adds its own delay:
      // the bound is generous; without the keepalive the satellite would never go unavailable.
      await stateOf(kernel, 'switch.sat_pump', (s) => !s.available, KEEPALIVE_S * 1500 + 8000, 'unavailable after keepalive');
      expect(Date.now() - frozenAt).toBeGreaterThanOrEqual(KEEPALIVE_S * 1000);
    } finally {
      satellite.child.kill('SIGCONT');
    }
    await stateOf(kernel, 'switch.sat_pump', (s) => s.available, 10_000, 'back after thawing (reconnect)');
  }, 60_000);
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceFixture, MAKERS } from '../../fixtures/mqtt-devices/index.js';
import { startHubProcess, type RunningHub } from '../../helpers/hub-process.js';
import { startMosquitto, type Mosquitto } from '../../helpers/mosquitto.js';
import { openProbe, type MqttProbe } from '../../helpers/mqtt-probe.js';

/**
 * `hearth start` next to a broker that already holds Zigbee2MQTT, Tasmota and Shelly discovery
 * configs (retained, as they publish them): they reach the plugin while its setup still awaits
 * the connection, which once threw a ReferenceError and kept the hub from starting.
 */
let broker: Mosquitto;
let device: MqttProbe;
let hub: RunningHub;
let dir: string;

beforeAll(async () => {
  broker = await startMosquitto();
  device = await openProbe(broker.url);
  for (const maker of MAKERS) {
    for (const { topic, payload } of deviceFixture(maker).configs) await device.publish(topic, JSON.stringify(payload), true);
  }
  dir = mkdtempSync(join(tmpdir(), 'hearth-mqtt-retained-'));
  const config = join(dir, 'hearth.yaml');
  writeFileSync(config, ['hardware: { backend: sim }', 'plugins:', `  - { use: mqtt, url: "${broker.url}", discovery: { import: true } }`, ''].join('\n'));
  hub = await startHubProcess({ config, dataDir: join(dir, 'data') });
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await device?.close();
  await broker?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a hub started with discovery configs already retained', () => {
  it('runs the MQTT plugin and imports the devices', async () => {
    const onboarded = await fetch(`${hub.url}/api/onboarding`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'olivia', password: 'a long enough password' }) });
    const { token } = (await onboarded.json()) as { token: string };
    const plugins = (await (await fetch(`${hub.url}/api/plugins`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string; status: string; entities: string[] }[];
    const mqtt = plugins.find((p) => p.id === 'mqtt');
    expect(mqtt?.status).toBe('running');
    expect(mqtt?.entities).toEqual(expect.arrayContaining(['switch.0x0017880104e45542_switch_left_zigbee2mqtt', 'sensor.0x0017880104e45522_temperature_zigbee2mqtt', 'switch.d4e5f6_rl_1']));
    expect(hub.output()).not.toMatch(/ReferenceError|before initialization/);
  });
});

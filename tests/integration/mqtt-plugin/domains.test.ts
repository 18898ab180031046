import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config/index.js';
import { startHub, type Hub } from '../../../core/hub.js';
import type { EntityState } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { stateOf } from '../../helpers/bus.js';
import { startMosquitto, type Mosquitto } from '../../helpers/mosquitto.js';
import { openProbe, type MqttProbe } from '../../helpers/mqtt-probe.js';

/** The MQTT devices plugin with one entity of every newer domain, driven through the REST API. */
let broker: Mosquitto;
let dir: string;
let hub: Hub;
let device: MqttProbe;
let token: string;

const COMMAND_TOPICS = [
  'zigbee2mqtt/radiator/set/#',
  'door/lock/set',
  'garden/valve/set',
  'bath/fan/set',
  'yard/siren/set',
  'gate/pulse',
  'boiler/setpoint/set',
  'heating/mode/set',
  'alarm/set',
];

beforeAll(async () => {
  broker = await startMosquitto();
  device = await openProbe(broker.url);
  await device.subscribe(COMMAND_TOPICS);
  dir = mkdtempSync(join(tmpdir(), 'hearth-mqtt-domains-'));
  const config = join(dir, 'hearth.yaml');
  writeFileSync(
    config,
    `
hardware: { backend: sim }
plugins:
  - use: mqtt
    url: ${broker.url}
    entities:
      - id: climate.radiator
        stateTopic: zigbee2mqtt/radiator
        statePath: system_mode
        attributePaths: { targetTemperature: occupied_heating_setpoint, currentTemperature: local_temperature }
        commandTopics: { set_hvac_mode: zigbee2mqtt/radiator/set/system_mode, set_temperature: zigbee2mqtt/radiator/set/occupied_heating_setpoint }
        attributes: { minTemp: 5, maxTemp: 30 }
      - { id: lock.front_door, stateTopic: door/lock/state, commandTopic: door/lock/set }
      - { id: valve.garden, stateTopic: garden/valve, commandTopic: garden/valve/set }
      - id: fan.bathroom
        stateTopic: bath/fan
        statePath: state
        attributePaths: { percentage: speed }
        commandTopic: bath/fan/set
        commandPayloads: { set_percentage: '{"speed":{{percentage}}}' }
      - { id: siren.yard, commandTopic: yard/siren/set }
      - { id: button.gate, commandTopic: gate/pulse, commandPayloads: { press: pulse } }
      - { id: number.boiler, stateTopic: boiler/setpoint, commandTopic: boiler/setpoint/set, attributes: { min: 30, max: 70, step: 1, unit: °C } }
      - { id: select.heating_mode, stateTopic: heating/mode, commandTopic: heating/mode/set, attributes: { options: [comfort, eco, "off"] } }
      - id: alarm_control_panel.house
        stateTopic: alarm/state
        commandTopic: alarm/set
        commandPayloads: { disarm: '{"action":"DISARM","code":"{{code}}"}' }
      - { id: sensor.tariff, stateTopic: meter/tariff, attributes: { deviceClass: enum, options: [peak, off_peak] } }
      - { id: weather.garden, stateTopic: station/weather, statePath: condition, attributePaths: { temperature: temp } }
`,
  );
  hub = await startHub({ loaded: loadConfig(config), dataDir: join(dir, 'data'), log: silentLogger(), port: 0, host: '127.0.0.1' });
  const onboarded = await fetch(new URL('/api/onboarding', hub.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'owner', password: 'a long enough password' }),
  });
  token = ((await onboarded.json()) as { token: string }).token;
});

afterAll(async () => {
  await hub?.stop();
  await device?.close();
  await broker?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const until = (id: string, match: (s: EntityState) => boolean, what: string) => stateOf(hub.kernel, id, match, 5000, what);

async function command(id: string, name: string, params: Record<string, unknown> = {}) {
  const res = await fetch(new URL(`/api/entities/${id}/commands/${name}`, hub.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as { entity?: EntityState; error?: { code: string; message: string } } };
}

/** The next payload the device gets on `topic` after `count` messages. */
async function received(topic: string, count: number): Promise<string> {
  return (await device.next((m) => device.messages.indexOf(m) >= count && m.topic === topic, 5000, `a command on ${topic}`)).payload;
}

describe('plugins/mqtt: the newer domains against a real Mosquitto', () => {
  it('runs with every entity', () => {
    expect(hub.plugins.list()).toMatchObject([{ id: 'mqtt', status: 'running' }]);
    expect(hub.kernel.registry.list().filter((e) => e.owner === 'mqtt')).toHaveLength(11);
  });

  it('reads each state from its topic', async () => {
    await device.publish('zigbee2mqtt/radiator', '{"system_mode":"heat","occupied_heating_setpoint":20.5,"local_temperature":18.2}');
    expect((await until('climate.radiator', (s) => s.state === 'heat', 'heat')).attributes).toMatchObject({ targetTemperature: 20.5, currentTemperature: 18.2, minTemp: 5 });
    await device.publish('door/lock/state', 'LOCKED');
    await until('lock.front_door', (s) => s.state === 'locked', 'locked');
    await device.publish('garden/valve', 'closing');
    await until('valve.garden', (s) => s.state === 'closing', 'closing');
    await device.publish('bath/fan', '{"state":"ON","speed":40}');
    expect((await until('fan.bathroom', (s) => s.state === 'on', 'on')).attributes.percentage).toBe(40);
    await device.publish('boiler/setpoint', '55');
    await until('number.boiler', (s) => s.state === 55, '55');
    await device.publish('heating/mode', 'eco');
    await until('select.heating_mode', (s) => s.state === 'eco', 'eco');
    await device.publish('alarm/state', 'armed_away');
    await until('alarm_control_panel.house', (s) => s.state === 'armed_away', 'armed away');
    await device.publish('meter/tariff', 'off_peak');
    await until('sensor.tariff', (s) => s.state === 'off_peak', 'off peak');
    await device.publish('station/weather', '{"condition":"rainy","temp":9.5}');
    expect((await until('weather.garden', (s) => s.state === 'rainy', 'rainy')).attributes.temperature).toBe(9.5);

    // Outside the domain's states or the entity's options: not taken.
    await device.publish('heating/mode', 'turbo');
    await device.publish('meter/tariff', 'shoulder');
    await device.publish('door/lock/state', 'UNLOCKED');
    await until('lock.front_door', (s) => s.state === 'unlocked', 'unlocked');
    expect(hub.kernel.states.get('select.heating_mode')?.state).toBe('eco');
    expect(hub.kernel.states.get('sensor.tariff')?.state).toBe('off_peak');
  });

  it('publishes each command as the device expects it', async () => {
    const cases: [string, string, Record<string, unknown>, string, string][] = [
      ['climate.radiator', 'set_hvac_mode', { mode: 'off' }, 'zigbee2mqtt/radiator/set/system_mode', 'off'],
      ['climate.radiator', 'set_temperature', { temperature: 21.5 }, 'zigbee2mqtt/radiator/set/occupied_heating_setpoint', '21.5'],
      ['lock.front_door', 'lock', {}, 'door/lock/set', 'LOCK'],
      ['valve.garden', 'set_position', { position: 25 }, 'garden/valve/set', '25'],
      ['valve.garden', 'stop', {}, 'garden/valve/set', 'STOP'],
      ['fan.bathroom', 'set_percentage', { percentage: 80 }, 'bath/fan/set', '{"speed":80}'],
      ['fan.bathroom', 'turn_off', {}, 'bath/fan/set', 'OFF'],
      ['siren.yard', 'turn_on', { durationS: 30 }, 'yard/siren/set', 'ON'],
      ['number.boiler', 'set_value', { value: 60 }, 'boiler/setpoint/set', '60'],
      ['select.heating_mode', 'select_option', { option: 'comfort' }, 'heating/mode/set', 'comfort'],
      ['alarm_control_panel.house', 'disarm', { code: '2468' }, 'alarm/set', '{"action":"DISARM","code":"2468"}'],
      ['alarm_control_panel.house', 'arm_night', {}, 'alarm/set', 'ARM_NIGHT'],
    ];
    for (const [id, name, params, topic, payload] of cases) {
      const count = device.messages.length;
      const res = await command(id, name, params);
      expect(res.status, `${id} ${name}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(await received(topic, count), `${id} ${name}`).toBe(payload);
    }
  });

  it('keeps optimistic states for command-only entities: a siren, a button press time', async () => {
    expect((await command('siren.yard', 'turn_off')).body.entity?.state).toBe('off');
    const count = device.messages.length;
    const before = Date.now();
    const pressed = await command('button.gate', 'press');
    expect(await received('gate/pulse', count)).toBe('pulse');
    expect(Date.parse(String(pressed.body.entity?.state))).toBeGreaterThanOrEqual(before - 1000);
    expect(hub.kernel.states.get('button.gate')?.state).toBe(pressed.body.entity?.state);
  });

  it('answers 400 to bad params or unknown commands, and publishes nothing', async () => {
    const bad: [string, string, Record<string, unknown>][] = [
      ['climate.radiator', 'set_hvac_mode', { mode: 'turbo' }],
      ['climate.radiator', 'set_temperature', { temperature: 'warm' }],
      ['lock.front_door', 'lock', { force: true }],
      ['valve.garden', 'set_position', { position: 120 }],
      ['fan.bathroom', 'set_percentage', {}],
      ['siren.yard', 'turn_on', { durationS: 0 }],
      ['button.gate', 'press', { times: 2 }],
      ['number.boiler', 'set_value', { value: '60' }],
      ['select.heating_mode', 'select_option', { option: '' }],
      ['alarm_control_panel.house', 'disarm', {}],
      ['weather.garden', 'turn_on', {}],
      ['sensor.tariff', 'select_option', { option: 'peak' }],
    ];
    const count = device.messages.length;
    for (const [id, name, params] of bad) {
      const res = await command(id, name, params);
      expect(res.status, `${id} ${name} ${JSON.stringify(params)}`).toBe(400);
      expect(res.body.error?.code, `${id} ${name}`).toBe('invalid_input');
    }
    // A good command after the bad ones is the next thing the device sees.
    await command('lock.front_door', 'unlock');
    expect((await device.next((m) => device.messages.indexOf(m) >= count, 5000, 'the unlock')).payload).toBe('UNLOCK');
  });
});

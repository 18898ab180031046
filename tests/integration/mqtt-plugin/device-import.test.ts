import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config/index.js';
import { startHub, type Hub } from '../../../core/hub.js';
import type { EntityState } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { deviceFixture, MAKERS } from '../../fixtures/mqtt-devices/index.js';
import { stateOf } from '../../helpers/bus.js';
import { startMosquitto, type Mosquitto } from '../../helpers/mosquitto.js';
import { openProbe, type MqttProbe } from '../../helpers/mqtt-probe.js';

/**
 * Devices announced as Zigbee2MQTT, Tasmota and Shelly announce them, end to end through a real
 * Mosquitto: retained config → entity → the device's state messages in → the exact payload out.
 */
let broker: Mosquitto;
let dir: string;
let hub: Hub;
let device: MqttProbe;

const Z2M = 'zigbee2mqtt';
const ROLLER = 'shellies/shellyswitch25-AABBCC/roller/0';
const until = (id: string, match: (s: EntityState) => boolean, what: string) => stateOf(hub.kernel, id, match, 5000, what);
const command = (entityId: string, name: string, params: Record<string, unknown> = {}) => hub.kernel.dispatcher.dispatch({ entityId, command: name, params });
/** The next message on `topic` after this call. */
const nextOn = (topic: string) => {
  const seen = device.messages.length;
  return device.next((m) => m.topic === topic && device.messages.indexOf(m) >= seen, 5000, `a message on ${topic}`);
};

beforeAll(async () => {
  broker = await startMosquitto();
  device = await openProbe(broker.url);
  await device.subscribe([`${Z2M}/+/set`, `${Z2M}/+/+/set`, 'cmnd/#', `${ROLLER}/command/#`, `${ROLLER}/command`]);
  for (const maker of MAKERS) {
    for (const { topic, payload } of deviceFixture(maker).configs) await device.publish(topic, JSON.stringify(payload), true);
  }
  dir = mkdtempSync(join(tmpdir(), 'hearth-mqtt-import-'));
  const config = join(dir, 'hearth.yaml');
  writeFileSync(config, ['hardware: { backend: sim }', 'plugins:', `  - { use: mqtt, url: "${broker.url}", discovery: { import: true } }`, ''].join('\n'));
  hub = await startHub({ loaded: loadConfig(config), dataDir: join(dir, 'data'), log: silentLogger(), port: 0, host: '127.0.0.1' });
  await until('sensor.shelly1pm_ddeeff_relay_0_power', () => true, 'the last fixture imported');
});

afterAll(async () => {
  await hub?.stop();
  await device?.close();
  await broker?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Zigbee2MQTT devices from their discovery', () => {
  const bulb = 'light.0x000b57fffec6a5b2_light_zigbee2mqtt';

  it('a JSON-schema light follows its state (brightness on 254, colour temperature) and is sent JSON', async () => {
    await device.publish(`${Z2M}/bulb`, '{"state":"ON","brightness":127,"color_temp":370,"linkquality":80}');
    const on = await until(bulb, (s) => s.state === 'on', 'bulb on');
    expect(on.attributes).toMatchObject({ brightness: 50, colorTempK: 2703 });
    expect(on.name).toBe('bulb');

    let sent = nextOn(`${Z2M}/bulb/set`);
    await command(bulb, 'turn_on', { brightness: 100, transitionMs: 500 });
    expect((await sent).payload).toBe('{"state":"ON","brightness":254,"transition":0.5}');
    sent = nextOn(`${Z2M}/bulb/set`);
    await command(bulb, 'turn_off');
    expect((await sent).payload).toBe('{"state":"OFF"}');
  });

  it('goes unavailable when the bridge says offline (availability list with a value template)', async () => {
    await device.publish(`${Z2M}/bridge/state`, '{"state":"offline"}');
    await until(bulb, (s) => !s.available, 'bulb unavailable');
    await device.publish(`${Z2M}/bridge/state`, '{"state":"online"}');
    await until(bulb, (s) => s.available, 'bulb back');
  });

  it('needs every source with availability_mode all', async () => {
    await device.publish(`${Z2M}/weather_sensor/availability`, '{"state":"offline"}');
    await until('sensor.0x0017880104e45522_temperature_zigbee2mqtt', (s) => !s.available, 'temperature unavailable');
    expect(hub.kernel.states.get('sensor.0x0017880104e45522_humidity_zigbee2mqtt')?.available).toBe(true);
    await device.publish(`${Z2M}/weather_sensor/availability`, '{"state":"online"}');
    await until('sensor.0x0017880104e45522_temperature_zigbee2mqtt', (s) => s.available, 'temperature back');
  });

  it('reads temperature, humidity, battery and link quality from one state message', async () => {
    await device.publish(`${Z2M}/weather_sensor`, '{"temperature":21.5,"humidity":40.2,"pressure":1013,"battery":90,"linkquality":120}');
    const temperature = await until('sensor.0x0017880104e45522_temperature_zigbee2mqtt', (s) => s.state === 21.5, 'temperature');
    expect(temperature.attributes).toMatchObject({ unit: '°C', deviceClass: 'temperature', stateClass: 'measurement' });
    await until('sensor.0x0017880104e45522_humidity_zigbee2mqtt', (s) => s.state === 40.2, 'humidity');
    await until('sensor.0x0017880104e45522_battery_zigbee2mqtt', (s) => s.state === 90, 'battery');
    await until('sensor.0x0017880104e45522_linkquality_zigbee2mqtt', (s) => s.state === 120, 'link quality');
  });

  it('switches one rocker of a double switch', async () => {
    const left = 'switch.0x0017880104e45542_switch_left_zigbee2mqtt';
    await device.publish(`${Z2M}/wall_switch_double`, '{"state_left":"ON","state_right":"OFF"}');
    await until(left, (s) => s.state === 'on', 'left on');
    const sent = nextOn(`${Z2M}/wall_switch_double/left/set`);
    await command(left, 'turn_off');
    expect((await sent).payload).toBe('OFF');
  });

  it('reads a cover position from its JSON state and sends {"position": N}', async () => {
    const vent = 'cover.0x0017880104e45551_cover_zigbee2mqtt';
    await device.publish(`${Z2M}/smart vent`, '{"state":"OPEN","position":60}');
    expect((await until(vent, (s) => s.attributes.position === 60, 'vent at 60')).state).toBe('open');
    const sent = nextOn(`${Z2M}/smart vent/set`);
    await command(vent, 'set_position', { position: 30 });
    expect(JSON.parse((await sent).payload)).toEqual({ position: 30 });
    await device.publish(`${Z2M}/smart vent`, '{"state":"STOP","position":0}');
    await until(vent, (s) => s.state === 'closed' && s.attributes.position === 0, 'vent stopped closed');
  });

  it('reads contact, occupancy and water leak (boolean payloads)', async () => {
    await device.publish(`${Z2M}/front_door`, '{"contact":false}');
    await until('binary_sensor.0x0017880104e45531_contact_zigbee2mqtt', (s) => s.state === 'on', 'door open');
    await device.publish(`${Z2M}/front_door`, '{"contact":true}');
    await until('binary_sensor.0x0017880104e45531_contact_zigbee2mqtt', (s) => s.state === 'off', 'door closed');
    await device.publish(`${Z2M}/hall_motion`, '{"occupancy":true}');
    await until('binary_sensor.0x0017880104e45532_occupancy_zigbee2mqtt', (s) => s.state === 'on', 'occupied');
    await device.publish(`${Z2M}/sink_leak`, '{"water_leak":false}');
    await until('binary_sensor.0x0017880104e45533_water_leak_zigbee2mqtt', (s) => s.state === 'off', 'dry');
  });

  it("turns a remote's action into a press carrying its type", async () => {
    await device.publish(`${Z2M}/button`, '{"action":"double","linkquality":90}');
    const pressed = await until('button.0x0017880104e45520_action_zigbee2mqtt', (s) => s.attributes.eventType === 'double', 'double press');
    expect(Date.parse(String(pressed.state))).toBeGreaterThan(Date.now() - 10_000);
  });
});

describe('Tasmota devices from their discovery', () => {
  const lamp = 'light.a1b2c3_li_1';

  it('a dimmer reads Dimmer from its STATE and takes brightness as cmnd/…/Dimmer alone', async () => {
    await device.publish('tele/desk/STATE', '{"Time":"2026-12-06T06:00:00","POWER":"ON","Dimmer":70}');
    expect((await until(lamp, (s) => s.state === 'on', 'lamp on')).attributes.brightness).toBe(70);
    const dimmer = nextOn('cmnd/desk/Dimmer');
    await command(lamp, 'turn_on', { brightness: 40 });
    expect((await dimmer).payload).toBe('40');
    const power = nextOn('cmnd/desk/POWER');
    await command(lamp, 'turn_on');
    expect((await power).payload).toBe('ON');
    expect(device.messages.filter((m) => m.topic === 'cmnd/desk/POWER')).toHaveLength(1);
  });

  it('a plug follows POWER and its energy sensor, and its LWT', async () => {
    await device.publish('tele/kettle/STATE', '{"POWER":"ON"}');
    await until('switch.d4e5f6_rl_1', (s) => s.state === 'on', 'kettle on');
    await device.publish('tele/kettle/SENSOR', '{"ENERGY":{"Power":1800,"Voltage":230}}');
    await until('sensor.d4e5f6_energy_power', (s) => s.state === 1800, 'kettle power');
    await device.publish('tele/kettle/LWT', 'Offline');
    await until('switch.d4e5f6_rl_1', (s) => !s.available, 'kettle unavailable');
  });
});

describe("the import's account", () => {
  it("lists each imported entity's unmapped fields, with reasons, on the plugin's status", () => {
    const mqtt = hub.plugins.list().find((p) => p.id === 'mqtt')!;
    const details = mqtt.details as { imported: number; unmapped: { entityId: string; fields: { field: string; reason: string }[] }[]; notImported: unknown[] };
    expect(details.imported).toBe(MAKERS.reduce((n, maker) => n + deviceFixture(maker).configs.length, 0));
    expect(details.notImported).toEqual([]);
    const bulb = details.unmapped.find((u) => u.entityId === 'light.0x000b57fffec6a5b2_light_zigbee2mqtt');
    expect(bulb?.fields.map((f) => f.field).sort()).toEqual(['effect', 'effect_list', 'max_mireds', 'min_mireds', 'supported_color_modes']);
    expect(details.unmapped.find((u) => u.entityId === 'sensor.d4e5f6_energy_power')?.fields).toEqual([{ field: 'force_update', reason: expect.any(String) }]);
  });

  it('lists the configs it did not import, with the reason', async () => {
    await device.publish('homeassistant/vacuum/robot/config', JSON.stringify({ name: 'Robot', command_topic: 'robot/set' }), true);
    await device.publish('homeassistant/light/x/template/config', JSON.stringify({ schema: 'template', command_topic: 'l/set', command_on_template: 'on' }), true);
    // Configs reach the plugin in order: once this one is an entity, the two before were judged.
    await device.publish('homeassistant/sensor/probe/marker/config', JSON.stringify({ state_topic: 'marker', unique_id: 'marker' }), true);
    await until('sensor.marker', () => true, 'the marker imported');
    const listed = (hub.plugins.list().find((p) => p.id === 'mqtt')!.details as { notImported: { topic: string; reason: string }[] }).notImported;
    expect(listed).toEqual([
      { topic: 'homeassistant/vacuum/robot/config', reason: "component 'vacuum' is not supported" },
      { topic: 'homeassistant/light/x/template/config', reason: "light schema 'template' is not supported" },
    ]);
    await device.publish('homeassistant/vacuum/robot/config', '', true);
    await device.publish('homeassistant/light/x/template/config', '', true);
    await device.publish('homeassistant/sensor/probe/marker/config', '', true);
  });
});

describe('Shelly gen1 devices from their discovery', () => {
  const roller = 'cover.shellyswitch25_aabbcc_roller_0';

  it('a Shelly 2.5 roller reads …/pos, sends positions to …/command/pos and words to …/command', async () => {
    await device.publish(`${ROLLER}/pos`, '45');
    await device.publish(ROLLER, 'stop');
    await until(roller, (s) => s.state === 'open' && s.attributes.position === 45, 'roller stopped at 45');
    const pos = nextOn(`${ROLLER}/command/pos`);
    await command(roller, 'set_position', { position: 20 });
    expect((await pos).payload).toBe('20');
    const word = nextOn(`${ROLLER}/command`);
    await command(roller, 'close');
    expect((await word).payload).toBe('close');
    await device.publish(`${ROLLER}`, 'close');
    await until(roller, (s) => s.state === 'closing', 'roller closing');
    // -1: not calibrated; no position rather than a wrong one.
    await device.publish(`${ROLLER}/pos`, '-1');
    await device.publish('shellies/shellyswitch25-AABBCC/online', 'false');
    const offline = await until(roller, (s) => !s.available, 'roller unavailable');
    expect(offline.attributes.position).toBe(45);
  });

  it('a power reading goes through `float | round(1)`', async () => {
    await device.publish('shellies/shelly1pm-DDEEFF/relay/0/power', '12.345');
    await until('sensor.shelly1pm_ddeeff_relay_0_power', (s) => s.state === 12.3, 'power 12.3');
  });
});

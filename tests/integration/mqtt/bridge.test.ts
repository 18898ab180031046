import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type MqttConfig } from '../../../core/config/index.js';
import { createKernel, type Context, type Kernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createMqttBridge, type MqttBridge } from '../../../core/mqtt/index.js';
import { startMosquitto, type Mosquitto } from '../../helpers/mosquitto.js';
import { openProbe, type MqttProbe } from '../../helpers/mqtt-probe.js';
import { haProblems } from '../../fixtures/ha-schemas/index.js';

let broker: Mosquitto;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(async () => broker?.stop());

const open: { bridge?: MqttBridge; probe?: MqttProbe }[] = [];
afterEach(async () => {
  for (const { bridge, probe } of open.splice(0)) {
    await bridge?.stop();
    await probe?.close();
  }
});

function mqttConfig(node: string, extra: Partial<MqttConfig> = {}): MqttConfig {
  return { ...configSchema.parse({ mqtt: { url: broker.url, node, reconnect: { minMs: 50, maxMs: 400 } } }).mqtt!, ...extra };
}

/** A kernel with one entity per domain, owned by a fake plugin that records commands. */
function houseKernel() {
  const kernel = createKernel(silentLogger());
  const commands: { entityId: string; command: string; params: unknown; context: Context }[] = [];
  const add = (id: string, attributes: Record<string, unknown>, state: unknown, handlers: string[] = []) => {
    const info = kernel.registry.add({ id, owner: 'fake', area: 'hall' });
    kernel.states.init(info, attributes);
    kernel.states.update(id, { state: state as never });
    kernel.dispatcher.register(
      id,
      Object.fromEntries(
        handlers.map((c) => [
          c,
          (params: Readonly<Record<string, unknown>>, context: Context) => {
            commands.push({ entityId: id, command: c, params, context });
            if (c === 'turn_on' || c === 'turn_off') kernel.states.update(id, { state: c === 'turn_on' ? 'on' : 'off', ...(params.brightness !== undefined && { attributes: { brightness: params.brightness } }) });
          },
        ]),
      ),
    );
  };
  add('sensor.hall_temperature', { unit: '°C', deviceClass: 'temperature', stateClass: 'measurement' }, 21.5);
  add('binary_sensor.hall_motion', { deviceClass: 'motion' }, 'off');
  add('switch.pump', {}, 'off', ['turn_on', 'turn_off']);
  add('light.hall', { brightness: 50 }, 'on', ['turn_on', 'turn_off']);
  add('cover.living_room', { position: 0, deviceClass: 'shutter' }, 'closed', ['open', 'close', 'stop', 'set_position']);
  add('climate.hall', { currentTemperature: 19, targetTemperature: 20, preset: 'eco', presets: ['eco', 'comfort'], hvacAction: 'idle' }, 'heat', ['set_hvac_mode', 'set_temperature', 'set_preset', 'turn_on', 'turn_off']);
  add('lock.front_door', {}, 'locked', ['lock', 'unlock', 'open']);
  add('valve.garden', { position: 0 }, 'closed', ['open', 'close', 'stop', 'set_position']);
  add('valve.gas', {}, 'open', ['open', 'close']);
  add('fan.bathroom', { percentage: 0 }, 'off', ['turn_on', 'turn_off', 'set_percentage']);
  add('siren.yard', {}, 'off', ['turn_on', 'turn_off']);
  add('button.doorbell_test', {}, null, ['press']);
  add('number.boiler_setpoint', { min: 30, max: 70, step: 1, unit: '°C' }, 50, ['set_value']);
  add('select.heating_mode', { options: ['comfort', 'eco', 'off'] }, 'eco', ['select_option']);
  add('alarm_control_panel.house', { codeRequired: true }, 'disarmed', ['arm_home', 'arm_away', 'arm_night', 'disarm', 'trigger']);
  add('sensor.tariff', { deviceClass: 'enum', options: ['peak', 'off_peak'] }, 'peak');
  add('weather.home', { temperature: 8 }, 'cloudy');
  add('schedule.heating', { next: '2026-12-06T06:00:00Z' }, 'off');
  return { kernel, commands };
}

async function startBridge(kernel: Kernel, config: MqttConfig, staleGraceMs?: number) {
  const bridge = createMqttBridge({ kernel, log: silentLogger(), config, hubName: 'Test house', version: '9.9.9', staleGraceMs });
  await bridge.start();
  await bridge.whenConnected();
  const probe = await openProbe(broker.url);
  open.push({ bridge, probe });
  return { bridge, probe };
}

describe('MQTT bridge against a real Mosquitto', () => {
  it('publishes a Home Assistant discovery config for every entity, valid against the documented fields', async () => {
    const { kernel } = houseKernel();
    const { probe } = await startBridge(kernel, mqttConfig('disco'));
    await probe.subscribe(['homeassistant/+/disco/+/config', 'hearth/disco/status']);
    await probe.next((m) => m.topic === 'hearth/disco/status' && m.payload === 'online', 5000, 'birth message');
    const ids = kernel.registry.list().map((e) => e.id);
    // HA has no MQTT weather or schedule: they stand in as a sensor and a binary sensor.
    const topicOf = (id: string) => {
      const [domain, objectId] = id.split('.');
      if (domain === 'weather') return `homeassistant/sensor/disco/weather-${objectId}/config`;
      if (domain === 'schedule') return `homeassistant/binary_sensor/disco/schedule-${objectId}/config`;
      return `homeassistant/${domain}/disco/${objectId}/config`;
    };
    for (const id of ids) {
      const topic = topicOf(id);
      const component = topic.split('/')[1];
      const message = await probe.next((m) => m.topic === topic, 5000, `discovery of ${id}`);
      expect(message.retain).toBe(true);
      const payload = JSON.parse(message.payload) as Record<string, unknown>;
      expect(haProblems(component!, payload), id).toEqual([]);
      expect(payload.unique_id).toBe(`hearth_disco_${id.replace('.', '_')}`);
      expect(payload.device).toMatchObject({ identifiers: ['hearth_disco'], name: 'Test house', sw_version: '9.9.9' });
      expect(payload.availability).toContainEqual(expect.objectContaining({ topic: 'hearth/disco/status' }));
    }
    const sensor = JSON.parse(probe.messages.find((m) => m.topic.endsWith('/sensor/disco/hall_temperature/config'))!.payload);
    expect(sensor).toMatchObject({ device_class: 'temperature', unit_of_measurement: '°C', state_class: 'measurement' });
    const light = JSON.parse(probe.messages.find((m) => m.topic.includes('/light/'))!.payload);
    expect(light).toMatchObject({ brightness_scale: 100, brightness_command_topic: 'hearth/disco/light.hall/set' });
    const cover = JSON.parse(probe.messages.find((m) => m.topic.includes('/cover/'))!.payload);
    expect(cover).toMatchObject({ position_topic: 'hearth/disco/cover.living_room/state', set_position_topic: 'hearth/disco/cover.living_room/set' });

    const count = probe.messages.length;
    await probe.publish('homeassistant/status', 'online');
    await probe.next((m) => probe.messages.indexOf(m) >= count && m.topic.endsWith('/switch/disco/pump/config'), 5000, 'republished discovery');

    kernel.states.delete('switch.pump');
    kernel.registry.remove('switch.pump');
    const removed = await probe.next((m) => m.topic === 'homeassistant/switch/disco/pump/config' && m.payload === '', 5000, 'empty config');
    expect(removed).toBeDefined();
  });

  it('publishes retained states and runs commands from /set in a context naming the node', async () => {
    const { kernel, commands } = houseKernel();
    const { probe } = await startBridge(kernel, mqttConfig('rt'));
    await probe.subscribe('hearth/rt/+/state');
    const first = await probe.next((m) => m.topic === 'hearth/rt/light.hall/state');
    expect(first.retain).toBe(true);
    expect(JSON.parse(first.payload)).toMatchObject({ id: 'light.hall', state: 'on', attributes: { brightness: 50 }, available: true });

    await probe.publish('hearth/rt/light.hall/set', JSON.stringify({ command: 'turn_on', params: { brightness: 80 }, node: 'pi-attic' }));
    const after = await probe.next((m) => m.topic === 'hearth/rt/light.hall/state' && JSON.parse(m.payload).attributes.brightness === 80);
    expect(JSON.parse(after.payload).context.node).toBe('pi-attic');
    expect(commands[0]).toMatchObject({ entityId: 'light.hall', command: 'turn_on', params: { brightness: 80 }, context: { node: 'pi-attic' } });

    await probe.publish('hearth/rt/switch.pump/set', 'ON');
    await probe.next((m) => m.topic === 'hearth/rt/switch.pump/state' && JSON.parse(m.payload).state === 'on');
    expect(commands[1]).toMatchObject({ command: 'turn_on', context: { node: 'mqtt' } });

    await probe.publish('hearth/rt/switch.pump/set', '{"command":"set_position"}');
    await probe.publish('hearth/rt/switch.pump/set', 'OFF');
    await probe.next((m) => m.topic === 'hearth/rt/switch.pump/state' && JSON.parse(m.payload).state === 'off');
    expect(commands.map((c) => c.command)).toEqual(['turn_on', 'turn_on', 'turn_off']);
  });

  it('runs the commands Home Assistant sends for the new domains, refusing bad params', async () => {
    const { kernel, commands } = houseKernel();
    const { probe } = await startBridge(kernel, mqttConfig('ha'));
    const failed: string[] = [];
    kernel.bus.on('command_executed', (e) => void (!e.ok && failed.push(`${e.entityId} ${e.command}`)));
    const sent: [string, string][] = [
      ['lock.front_door', 'UNLOCK'],
      ['number.boiler_setpoint', '55'],
      ['select.heating_mode', '{"command":"select_option","params":{"option":"comfort"}}'],
      ['valve.garden', '{"command":"set_position","params":{"position":40}}'],
      ['alarm_control_panel.house', '{"command":"disarm","params":{"code":"1234"}}'],
      ['button.doorbell_test', 'PRESS'],
      ['climate.hall', '{"command":"set_temperature","params":{"temperature":21.5}}'],
      // Refused by the dispatcher: no code, a percentage over 100, a duration that is no number.
      ['alarm_control_panel.house', 'DISARM'],
      ['fan.bathroom', '{"command":"set_percentage","params":{"percentage":140}}'],
      ['siren.yard', '{"command":"turn_on","params":{"durationS":"long"}}'],
      ['siren.yard', 'OFF'],
    ];
    const done = new Promise<void>((resolve) => kernel.bus.on('command_executed', (e) => e.entityId === 'siren.yard' && e.command === 'turn_off' && resolve()));
    for (const [id, payload] of sent) await probe.publish(`hearth/ha/${id}/set`, payload);
    await done;
    expect(commands.map((c) => [c.entityId, c.command, c.params])).toEqual([
      ['lock.front_door', 'unlock', {}],
      ['number.boiler_setpoint', 'set_value', { value: 55 }],
      ['select.heating_mode', 'select_option', { option: 'comfort' }],
      ['valve.garden', 'set_position', { position: 40 }],
      ['alarm_control_panel.house', 'disarm', { code: '1234' }],
      ['button.doorbell_test', 'press', {}],
      ['climate.hall', 'set_temperature', { temperature: 21.5 }],
      ['siren.yard', 'turn_off', {}],
    ]);
    expect(failed).toEqual(['alarm_control_panel.house disarm', 'fan.bathroom set_percentage', 'siren.yard turn_on']);
  });

  it('emits mqtt_message for topics subscribed through the bridge', async () => {
    const { kernel } = houseKernel();
    const { bridge, probe } = await startBridge(kernel, mqttConfig('sub'));
    const seen: { topic: string; payload: string; retained: boolean }[] = [];
    kernel.bus.on('mqtt_message', (m) => seen.push(m));
    const arrival = (topic: string) => new Promise<void>((resolve) => kernel.bus.on('mqtt_message', (m) => m.topic === topic && resolve()));
    await probe.publish('doorbell/retained', 'old', true);
    const retained = arrival('doorbell/retained');
    const off = bridge.subscribe('doorbell/#');
    expect(() => bridge.subscribe('door/#/bad')).toThrow(/invalid MQTT topic filter/);
    await retained;
    const arrived = arrival('doorbell/front');
    await probe.publish('doorbell/front', 'pressed');
    await arrived;
    expect(seen).toContainEqual({ topic: 'doorbell/front', payload: 'pressed', retained: false });
    expect(seen).toContainEqual({ topic: 'doorbell/retained', payload: 'old', retained: true });
    await probe.publish('doorbell/retained', '', true);
    off();
  });

  it('clears retained states and configs of its own entities that are gone', async () => {
    const seeder = await openProbe(broker.url);
    await seeder.publish('hearth/stale/switch.old/state', '{"id":"switch.old"}', true);
    await seeder.publish('homeassistant/switch/stale/old/config', '{"name":"old"}', true);
    await seeder.close();
    const { kernel } = houseKernel();
    const { probe } = await startBridge(kernel, mqttConfig('stale'), 50);
    await probe.subscribe(['hearth/stale/switch.old/state', 'homeassistant/switch/stale/old/config']);
    await probe.next((m) => m.topic === 'hearth/stale/switch.old/state' && m.payload === '', 5000, 'cleared state');
    await probe.next((m) => m.topic === 'homeassistant/switch/stale/old/config' && m.payload === '', 5000, 'cleared config');
  });

  it('reconnects after a broker restart and republishes its retained states', async () => {
    const { kernel } = houseKernel();
    const { bridge, probe } = await startBridge(kernel, mqttConfig('phoenix'));
    await probe.close();
    await broker.restart();
    const again = await openProbe(broker.url);
    open.push({ probe: again });
    await again.subscribe(['hearth/phoenix/switch.pump/state', 'hearth/phoenix/status']);
    await again.next((m) => m.topic === 'hearth/phoenix/status' && m.payload === 'online', 10_000, 'birth after reconnect');
    const state = await again.next((m) => m.topic === 'hearth/phoenix/switch.pump/state', 5000, 'republished state');
    expect(JSON.parse(state.payload).state).toBe('off');
    expect(bridge.connected).toBe(true);
  });

  it('publishes offline on stop', async () => {
    const { kernel } = houseKernel();
    const { bridge, probe } = await startBridge(kernel, mqttConfig('leaver'));
    await probe.subscribe('hearth/leaver/status');
    await probe.next((m) => m.payload === 'online');
    await bridge.stop();
    await probe.next((m) => m.payload === 'offline', 5000, 'offline status');
  });
});

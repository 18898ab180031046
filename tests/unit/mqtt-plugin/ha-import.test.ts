import { describe, expect, it } from 'vitest';
import { topicEntitySchema } from '../../../plugins/mqtt/config.js';
import { importDiscovery, type Unmapped } from '../../../plugins/mqtt/ha-import.js';
import { deviceFixture, MAKERS } from '../../fixtures/mqtt-devices/index.js';

const imported = (topic: string, config: Record<string, unknown>) => {
  const result = importDiscovery(topic, JSON.stringify(config), 'homeassistant');
  if (!result.ok) throw new Error(result.reason);
  return result;
};
const fixture = (maker: (typeof MAKERS)[number], topicPart: string) => {
  const config = deviceFixture(maker).configs.find((c) => c.topic.includes(topicPart));
  if (!config) throw new Error(`no ${topicPart} in ${maker}`);
  return imported(config.topic, config.payload);
};
const fields = (unmapped: Unmapped[]) => unmapped.map((u) => u.field).sort();

describe('Home Assistant discovery import', () => {
  it('imports every Zigbee2MQTT, Tasmota and Shelly fixture as a valid topic entity', () => {
    for (const maker of MAKERS) {
      for (const { topic, payload } of deviceFixture(maker).configs) {
        const result = importDiscovery(topic, JSON.stringify(payload), 'homeassistant');
        expect(result, topic).toMatchObject({ ok: true });
        if (result.ok) expect(() => topicEntitySchema.parse(result.entity), topic).not.toThrow();
      }
    }
  });

  it('expands abbreviations, the ~ base topic and names entities as Home Assistant does', () => {
    const { entity } = imported('homeassistant/switch/0x00158d0001/switch/config', {
      '~': 'zigbee2mqtt/plug',
      name: 'Plug',
      uniq_id: '0x00158d0001_switch',
      stat_t: '~',
      cmd_t: '~/set',
      val_tpl: '{{ value_json.state }}',
      pl_on: 'ON',
      pl_off: 'OFF',
      dev: { mf: 'IKEA', name: 'Kitchen' },
    });
    expect(entity).toEqual({
      id: 'switch.0x00158d0001_switch',
      name: 'Kitchen Plug',
      stateTopic: 'zigbee2mqtt/plug',
      valueTemplate: '{{ value_json.state }}',
      stateMap: { ON: 'on', OFF: 'off' },
      commandTopic: 'zigbee2mqtt/plug/set',
      commandPayloads: { turn_on: 'ON', turn_off: 'OFF' },
    });
  });

  it('reads a Zigbee2MQTT JSON-schema light: state, brightness on 254, colour temperature, JSON commands', () => {
    const { entity, unmapped } = fixture('zigbee2mqtt', 'light/0x000b57fffec6a5b2');
    expect(entity).toMatchObject({
      id: 'light.0x000b57fffec6a5b2_light_zigbee2mqtt',
      name: 'bulb',
      stateTopic: 'zigbee2mqtt/bulb',
      commandTopic: 'zigbee2mqtt/bulb/set',
      brightnessScale: 254,
      attributeTopics: { brightness: { topic: 'zigbee2mqtt/bulb' }, colorTempK: { topic: 'zigbee2mqtt/bulb' } },
      availability: [{ topic: 'zigbee2mqtt/bridge/state', valueTemplate: '{{ value_json.state }}' }],
    });
    expect(fields(unmapped)).toEqual(['effect', 'effect_list', 'max_mireds', 'min_mireds', 'supported_color_modes']);
    expect(unmapped.find((u) => u.field === 'supported_color_modes')?.reason).toMatch(/colorTempK/);
  });

  it('reads covers with their position in JSON state or on a topic of its own, and sends position where the device wants it', () => {
    expect(fixture('zigbee2mqtt', 'cover/0x0017880104e45551').entity).toMatchObject({
      stateMap: { OPEN: 'open', CLOSE: 'closed', STOP: 'stopped' },
      attributeTopics: { position: { topic: 'zigbee2mqtt/smart vent', valueTemplate: '{{ value_json["position"] }}' } },
      commandTopics: { set_position: 'zigbee2mqtt/smart vent/set' },
      commandPayloads: { set_position: '{ "position": {{ position }} }', open: 'OPEN' },
    });
    const shelly = fixture('shelly', 'roller');
    expect(shelly.entity).toMatchObject({
      stateTopic: 'shellies/shellyswitch25-AABBCC/roller/0',
      stateMap: { open: 'opening', close: 'closing', stop: 'stopped' },
      attributeTopics: { position: { topic: 'shellies/shellyswitch25-AABBCC/roller/0/pos' } },
      commandTopic: 'shellies/shellyswitch25-AABBCC/roller/0/command',
      commandTopics: { set_position: 'shellies/shellyswitch25-AABBCC/roller/0/command/pos' },
      commandPayloads: { open: 'open', close: 'close', stop: 'stop' },
      optimistic: false,
      availability: [
        { topic: 'shellies/shellyswitch25-AABBCC/online', payloadAvailable: 'true', payloadNotAvailable: 'false' },
        { topic: 'shellies/shellyswitch25-AABBCC/info' },
      ],
    });
    expect(fields(shelly.unmapped)).toEqual([]);
  });

  it('sends a Tasmota dimmer its brightness on the Dimmer topic alone', () => {
    const { entity, unmapped } = fixture('tasmota', 'light/A1B2C3');
    expect(entity).toMatchObject({
      stateTopic: 'tele/desk/STATE',
      valueTemplate: '{{value_json.POWER}}',
      brightnessScale: 100,
      brightnessCommandTopic: 'cmnd/desk/Dimmer',
      onCommandType: 'brightness',
      attributeTopics: { brightness: { topic: 'tele/desk/STATE', valueTemplate: '{{value_json.Dimmer}}' } },
      availability: [{ topic: 'tele/desk/LWT', payloadAvailable: 'Online', payloadNotAvailable: 'Offline' }],
    });
    expect(fields(unmapped)).toEqual([]);
  });

  it('takes filter templates and reports what it cannot map, with the reason', () => {
    expect(fixture('shelly', 'power').entity).toMatchObject({ valueTemplate: '{{ value | float | round(1) }}', attributes: { unit: 'W', deviceClass: 'power', stateClass: 'measurement' } });
    expect(fields(fixture('shelly', 'power').unmapped)).toEqual(['suggested_display_precision']);
    expect(fields(fixture('tasmota', 'ENERGY_Power').unmapped)).toEqual(['force_update']);
    expect(fixture('zigbee2mqtt', 'linkquality').entity).toMatchObject({ hidden: true, icon: 'mdi:signal', attributes: { unit: 'lqi', stateClass: 'measurement' } });
    expect(fields(fixture('zigbee2mqtt', 'linkquality').unmapped)).toEqual(['entity_category']);
  });

  it("maps binary sensors' boolean payloads as Home Assistant compares them (rendered True/False)", () => {
    expect(fixture('zigbee2mqtt', 'contact').entity).toMatchObject({ id: 'binary_sensor.0x0017880104e45531_contact_zigbee2mqtt', name: 'front_door Contact', stateMap: { False: 'on', True: 'off' }, attributes: { deviceClass: 'door' } });
    expect(fixture('zigbee2mqtt', 'water_leak').entity).toMatchObject({ stateMap: { True: 'on', False: 'off' }, attributes: { deviceClass: 'moisture' } });
  });

  it('turns an event (a remote’s action) into a button whose presses carry the event type, and says how it read a template beyond it', () => {
    const { entity, unmapped } = fixture('zigbee2mqtt', 'event/');
    expect(entity).toMatchObject({ id: 'button.0x0017880104e45520_action_zigbee2mqtt', stateTopic: 'zigbee2mqtt/button', attributes: { eventTypes: ['single', 'double', 'triple', 'quadruple', 'hold', 'release'] } });
    expect(unmapped.find((u) => u.field === 'value_template')?.reason).toMatch(/set %\} is not supported.*action/);
    expect(fixture('zigbee2mqtt', 'button/').entity).toMatchObject({ id: 'button.bridge_0x00124b00120144ae_restart_zigbee2mqtt', commandTopic: 'zigbee2mqtt/bridge/request/restart', commandPayloads: { press: '' }, attributes: { deviceClass: 'restart' } });
  });

  it('skips what it cannot import, with the reason, and Hearth hubs', () => {
    expect(importDiscovery('homeassistant/vacuum/x/config', '{}', 'homeassistant')).toMatchObject({ ok: false });
    expect(importDiscovery('homeassistant/valve/x/config', '{"stat_t":"v","cmd_t":"v/set","pos":true}', 'homeassistant')).toMatchObject({ ok: false, reason: expect.stringMatching(/position/) });
    expect(importDiscovery('homeassistant/light/x/config', '{"schema":"template","cmd_t":"l/set"}', 'homeassistant')).toMatchObject({ ok: false, reason: expect.stringMatching(/schema 'template'/) });
    expect(importDiscovery('homeassistant/sensor/x/y/config', '{"stat_t":"a","val_tpl":"{{ as_timestamp(now()) }}"}', 'homeassistant')).toMatchObject({ ok: false, reason: expect.stringMatching(/function 'as_timestamp\(\)' is not supported/) });
    expect(importDiscovery('homeassistant/switch/pi/pump/config', '{"unique_id":"hearth_pi_switch_pump"}', 'homeassistant')).toMatchObject({ ok: false, reason: 'announced by a Hearth hub' });
  });

  it('imports a Zigbee2MQTT thermostat: mode as state, setpoints as attributes, a topic per setting', () => {
    const { entity } = imported('homeassistant/climate/0x01/climate/config', {
      uniq_id: '0x01_climate',
      name: 'Radiator',
      mode_stat_t: 'zigbee2mqtt/radiator',
      mode_stat_tpl: '{{ value_json.system_mode }}',
      mode_cmd_t: 'zigbee2mqtt/radiator/set/system_mode',
      temp_stat_t: 'zigbee2mqtt/radiator',
      temp_stat_tpl: '{{ value_json.occupied_heating_setpoint }}',
      temp_cmd_t: 'zigbee2mqtt/radiator/set/occupied_heating_setpoint',
      curr_temp_t: 'zigbee2mqtt/radiator',
      curr_temp_tpl: '{{ value_json.local_temperature }}',
      min_temp: '5',
      max_temp: 30,
      temp_step: 0.5,
      pr_modes: ['eco', 'comfort'],
    });
    expect(entity).toEqual({
      id: 'climate.0x01_climate',
      name: 'Radiator',
      stateTopic: 'zigbee2mqtt/radiator',
      valueTemplate: '{{ value_json.system_mode }}',
      attributeTopics: {
        targetTemperature: { topic: 'zigbee2mqtt/radiator', valueTemplate: '{{ value_json.occupied_heating_setpoint }}' },
        currentTemperature: { topic: 'zigbee2mqtt/radiator', valueTemplate: '{{ value_json.local_temperature }}' },
      },
      commandTopics: { set_hvac_mode: 'zigbee2mqtt/radiator/set/system_mode', set_temperature: 'zigbee2mqtt/radiator/set/occupied_heating_setpoint' },
      attributes: { presets: ['eco', 'comfort'], step: 0.5, minTemp: 5, maxTemp: 30 },
    });
  });

  it('imports locks, alarm panels, numbers, selects and fans with their payloads and templates', () => {
    expect(imported('homeassistant/lock/door/config', { stat_t: 'door/state', cmd_t: 'door/set', pl_lock: 'L', pl_unlk: 'U', stat_locked: 'is_locked', stat_jam: 'JAM' }).entity).toMatchObject({
      id: 'lock.door',
      stateMap: { is_locked: 'locked', JAM: 'jammed' },
      commandPayloads: { lock: 'L', unlock: 'U' },
    });
    expect(
      imported('homeassistant/alarm_control_panel/panel/config', { stat_t: 'panel/state', cmd_t: 'panel/set', cmd_tpl: '{"action":"{{ action }}","code":"{{ code }}"}', pl_disarm: 'DISARM' }).entity,
    ).toMatchObject({ commandPayloads: { disarm: '{"action":"{{ action }}","code":"{{ code }}"}' }, commandValues: { disarm: 'DISARM' } });
    expect(imported('homeassistant/number/boiler/config', { stat_t: 'b/state', cmd_t: 'b/set', cmd_tpl: '{"setpoint": {{ value | int }}}', min: 30, max: 70, step: 5, mode: 'slider' }).entity).toMatchObject({
      commandTopic: 'b/set',
      commandPayloads: { set_value: '{"setpoint": {{ value | int }}}' },
      attributes: { min: 30, max: 70, step: 5, mode: 'slider' },
    });
    expect(imported('homeassistant/sensor/tariff/config', { stat_t: 't', dev_cla: 'enum', ops: ['peak', 'off_peak'] }).entity).toMatchObject({ attributes: { deviceClass: 'enum', options: ['peak', 'off_peak'] } });
    expect(imported('homeassistant/fan/f/config', { stat_t: 'f', val_tpl: '{{ value_json.state }}', cmd_t: 'f/set', pct_cmd_t: 'f/pct', pct_stat_t: 'f', pct_val_tpl: '{{ value_json.speed }}' }).entity).toMatchObject({
      commandTopics: { set_percentage: 'f/pct' },
      attributeTopics: { percentage: { topic: 'f', valueTemplate: '{{ value_json.speed }}' } },
    });
    // A setting whose template Hearth cannot evaluate is left out, and said.
    const odd = imported('homeassistant/number/odd/config', { stat_t: 'o', cmd_t: 'o/set', cmd_tpl: '{{ value | regex_replace("a", "b") }}' });
    expect(odd.entity).toMatchObject({ unsupportedCommands: ['set_value'] });
    expect(odd.unmapped).toEqual([{ field: 'command_template', reason: expect.stringMatching(/regex_replace/) }]);
  });
});

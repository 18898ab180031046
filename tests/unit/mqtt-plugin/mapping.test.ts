import { describe, expect, it } from 'vitest';
import { commandPayload, extract, optimisticUpdate, readPath, toState } from '../../../plugins/mqtt/mapping.js';
import { importDiscovery, pathOfTemplate, substitute } from '../../../plugins/mqtt/ha-import.js';

describe('payload mapping', () => {
  it('reads JSON paths the way device firmwares nest values', () => {
    const tasmota = { ENERGY: { Power: 42.5 }, Shutter1: { Position: 30 }, list: [{ t: 1 }] };
    expect(readPath(tasmota, 'ENERGY.Power')).toBe(42.5);
    expect(readPath(tasmota, '$.Shutter1.Position')).toBe(30);
    expect(readPath(tasmota, 'list[0].t')).toBe(1);
    expect(readPath(tasmota, 'ENERGY.Missing.x')).toBeUndefined();
    expect(extract('{"POWER":"ON"}', 'POWER')).toBe('ON');
    expect(extract('not json', 'POWER')).toBeUndefined();
    expect(extract(' 21.5 ', undefined)).toBe(21.5);
    expect(extract('ON', undefined)).toBe('ON');
  });

  it('maps raw values to each domain, through the entity map first', () => {
    expect(toState('switch', 'ON')).toBe('on');
    expect(toState('binary_sensor', true)).toBe('on');
    expect(toState('binary_sensor', 0)).toBe('off');
    expect(toState('binary_sensor', 'maybe')).toBeUndefined();
    expect(toState('binary_sensor', 'Dry', { Wet: 'on', Dry: 'off' })).toBe('off');
    expect(toState('sensor', '12.5')).toBe(12.5);
    expect(toState('sensor', '')).toBeUndefined();
    expect(toState('sensor', 'n/a')).toBeUndefined();
    expect(toState('cover', 'Opening')).toBe('opening');
    expect(toState('cover', 'stopped')).toBeUndefined();
    expect(toState('light', null)).toBeNull();
  });

  it('maps raw values of the newer domains', () => {
    expect(toState('lock', 'LOCKED')).toBe('locked');
    expect(toState('lock', 'Jammed')).toBe('jammed');
    expect(toState('lock', 1, { 1: 'locked', 0: 'unlocked' })).toBe('locked');
    expect(toState('valve', 'closing')).toBe('closing');
    expect(toState('valve', 'stuck')).toBeUndefined();
    expect(toState('climate', 'HEAT')).toBe('heat');
    expect(toState('alarm_control_panel', 'ARMED_AWAY')).toBe('armed_away');
    expect(toState('weather', 'Rainy')).toBe('rainy');
    expect(toState('fan', 'ON')).toBe('on');
    expect(toState('siren', false)).toBe('off');
    expect(toState('number', '42.5')).toBe(42.5);
    expect(toState('number', 'high')).toBeUndefined();
    // Option names keep their case; a numeric option still reads as its text.
    expect(toState('select', 'Eco')).toBe('Eco');
    expect(toState('select', 2)).toBe('2');
    // Text is a sensor state only for an enum sensor, whose options are text even when they look like numbers.
    expect(toState('sensor', 'peak')).toBeUndefined();
    expect(toState('sensor', 'peak', undefined, { textual: true })).toBe('peak');
    expect(toState('sensor', '3', undefined, { textual: true })).toBe('3');
  });

  it('fills command templates from params', () => {
    expect(commandPayload({}, 'turn_on', {})).toBe('ON');
    expect(commandPayload({}, 'set_position', { position: 40 })).toBe('40');
    const z2m = { commandPayloads: { turn_on: '{"state":"ON","brightness":{{ brightness }}}' } };
    expect(commandPayload(z2m, 'turn_on', { brightness: 60 })).toBe('{"state":"ON","brightness":60}');
    expect(commandPayload({}, 'toggle', {})).toBeUndefined();
  });

  it("sends Home Assistant's default payloads and bare values for the newer domains", () => {
    expect(commandPayload({}, 'lock', {})).toBe('LOCK');
    expect(commandPayload({}, 'press', {})).toBe('PRESS');
    expect(commandPayload({}, 'arm_away', {})).toBe('ARM_AWAY');
    expect(commandPayload({}, 'set_value', { value: 55 })).toBe('55');
    expect(commandPayload({}, 'select_option', { option: 'eco' })).toBe('eco');
    expect(commandPayload({}, 'set_hvac_mode', { mode: 'heat' })).toBe('heat');
    expect(commandPayload({}, 'set_temperature', { temperature: 21.5 })).toBe('21.5');
    expect(commandPayload({ commandPayloads: { disarm: '{"action":"DISARM","code":"{{code}}"}' } }, 'disarm', { code: '1234' })).toBe('{"action":"DISARM","code":"1234"}');
  });

  it('knows the state an optimistic command leads to', () => {
    const now = new Date('2026-12-06T00:10:00Z');
    expect(optimisticUpdate('lock', 'lock', {}, now)).toEqual({ state: 'locked' });
    expect(optimisticUpdate('lock', 'open', {}, now)).toEqual({ state: 'unlocked' });
    expect(optimisticUpdate('valve', 'set_position', { position: 0 }, now)).toEqual({ state: 'closed', attributes: { position: 0 } });
    expect(optimisticUpdate('fan', 'set_percentage', { percentage: 30 }, now)).toEqual({ state: 'on', attributes: { percentage: 30 } });
    expect(optimisticUpdate('fan', 'turn_on', { percentage: 50 }, now)).toEqual({ state: 'on', attributes: { percentage: 50 } });
    expect(optimisticUpdate('light', 'turn_on', {}, now)).toEqual({ state: 'on', attributes: undefined });
    expect(optimisticUpdate('button', 'press', {}, now)).toEqual({ state: '2026-12-06T00:10:00.000Z' });
    expect(optimisticUpdate('number', 'set_value', { value: 7 }, now)).toEqual({ state: 7 });
    expect(optimisticUpdate('select', 'select_option', { option: 'eco' }, now)).toEqual({ state: 'eco' });
    expect(optimisticUpdate('climate', 'set_hvac_mode', { mode: 'cool' }, now)).toEqual({ state: 'cool' });
    expect(optimisticUpdate('climate', 'set_temperature', { temperature: 20 }, now)).toEqual({ attributes: { targetTemperature: 20 } });
    expect(optimisticUpdate('climate', 'turn_on', {}, now)).toBeUndefined();
    expect(optimisticUpdate('alarm_control_panel', 'arm_night', {}, now)).toEqual({ state: 'armed_night' });
    expect(optimisticUpdate('alarm_control_panel', 'disarm', { code: '1' }, now)).toEqual({ state: 'disarmed' });
    expect(optimisticUpdate('cover', 'stop', {}, now)).toBeUndefined();
    expect(optimisticUpdate('cover', 'close', {}, now)).toEqual({ state: 'closed' });
    expect(optimisticUpdate('siren', 'turn_on', { durationS: 5 }, now)).toEqual({ state: 'on' });
    expect(optimisticUpdate('climate', 'turn_off', {}, now)).toEqual({ state: 'off' });
  });

  it('takes each command its own params, as the SDK types them', () => {
    const now = new Date('2026-12-06T00:10:00Z');
    // @ts-expect-error a number's set_value takes a value, not an option
    optimisticUpdate('number', 'set_value', { option: 'eco' }, now);
    // @ts-expect-error a switch has no set_position
    optimisticUpdate('switch', 'set_position', { position: 1 }, now);
    expect(optimisticUpdate('light', 'turn_on', { brightness: 40, transitionMs: 200 }, now)).toEqual({ state: 'on', attributes: { brightness: 40 } });
  });
});

describe('Home Assistant discovery import', () => {
  it('expands abbreviations and the ~ base topic', () => {
    const payload = JSON.stringify({
      '~': 'zigbee2mqtt/plug',
      name: 'Plug',
      uniq_id: '0x00158d0001_switch',
      stat_t: '~',
      cmd_t: '~/set',
      val_tpl: '{{ value_json.state }}',
      pl_on: 'ON',
      pl_off: 'OFF',
      dev: { mf: 'IKEA' },
    });
    expect(importDiscovery('homeassistant/switch/0x00158d0001/switch/config', payload, 'homeassistant')).toEqual({
      ok: true,
      entity: {
        id: 'switch.0x00158d0001_switch',
        name: 'Plug',
        stateTopic: 'zigbee2mqtt/plug',
        statePath: 'state',
        stateMap: { ON: 'on', OFF: 'off' },
        commandTopic: 'zigbee2mqtt/plug/set',
        commandPayloads: { turn_on: 'ON', turn_off: 'OFF' },
      },
    });
  });

  it('skips what a topic mapping cannot express, and Hearth hubs', () => {
    expect(importDiscovery('homeassistant/vacuum/x/config', '{}', 'homeassistant')).toMatchObject({ ok: false });
    expect(importDiscovery('homeassistant/valve/x/config', '{"stat_t":"v","cmd_t":"v/set","pos":true}', 'homeassistant')).toMatchObject({ ok: false, reason: expect.stringMatching(/position/) });
    expect(importDiscovery('homeassistant/number/x/config', '{"cmd_t":"n/set","cmd_tpl":"{{ value | int }}"}', 'homeassistant')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a plain substitution/),
    });
    expect(importDiscovery('homeassistant/sensor/x/y/config', '{"stat_t":"a","val_tpl":"{{ value_json.t | float * 2 }}"}', 'homeassistant')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a plain value_json path/),
    });
    expect(importDiscovery('homeassistant/switch/pi/pump/config', '{"unique_id":"hearth_pi_switch_pump"}', 'homeassistant')).toMatchObject({ ok: false, reason: 'announced by a Hearth hub' });
  });

  it('turns simple templates into paths', () => {
    expect(pathOfTemplate("{{ value_json['ENERGY'].Power }}")).toBe('ENERGY.Power');
    expect(pathOfTemplate('{{ value }}')).toBeUndefined();
    expect(pathOfTemplate('{{ value | int }}')).toBeNull();
  });
});

describe('Home Assistant discovery import of the newer components', () => {
  const imported = (topic: string, config: Record<string, unknown>) => {
    const result = importDiscovery(topic, JSON.stringify(config), 'homeassistant');
    if (!result.ok) throw new Error(result.reason);
    return result.entity;
  };

  it('imports a Zigbee2MQTT thermostat: mode as state, setpoints as attributes, a topic per setting', () => {
    expect(
      imported('homeassistant/climate/0x01/climate/config', {
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
        act_t: 'zigbee2mqtt/other',
        act_tpl: '{{ value_json.running_state }}',
        min_temp: 5,
        max_temp: 30,
        temp_step: 0.5,
        pr_modes: ['eco', 'comfort'],
      }),
    ).toEqual({
      id: 'climate.0x01_climate',
      name: 'Radiator',
      stateTopic: 'zigbee2mqtt/radiator',
      statePath: 'system_mode',
      attributePaths: { targetTemperature: 'occupied_heating_setpoint', currentTemperature: 'local_temperature' },
      commandTopics: { set_hvac_mode: 'zigbee2mqtt/radiator/set/system_mode', set_temperature: 'zigbee2mqtt/radiator/set/occupied_heating_setpoint' },
      attributes: { presets: ['eco', 'comfort'], step: 0.5, minTemp: 5, maxTemp: 30 },
    });
  });

  it('imports locks, alarm panels, buttons, numbers, selects and fans with their payloads', () => {
    expect(imported('homeassistant/lock/door/config', { stat_t: 'door/state', cmd_t: 'door/set', pl_lock: 'L', pl_unlk: 'U', stat_locked: 'is_locked', stat_jam: 'JAM' })).toMatchObject({
      id: 'lock.door',
      stateMap: { is_locked: 'locked', JAM: 'jammed' },
      commandPayloads: { lock: 'L', unlock: 'U' },
    });
    expect(
      imported('homeassistant/alarm_control_panel/panel/config', { stat_t: 'panel/state', cmd_t: 'panel/set', cmd_tpl: '{"action":"{{ action }}","code":"{{ code }}"}', pl_disarm: 'DISARM' }),
    ).toMatchObject({ commandPayloads: { disarm: '{"action":"DISARM","code":"{{code}}"}' } });
    expect(imported('homeassistant/button/bell/config', { cmd_t: 'bell/ring', pl_prs: 'RING' })).toMatchObject({ id: 'button.bell', commandTopic: 'bell/ring', commandPayloads: { press: 'RING' } });
    expect(imported('homeassistant/number/boiler/config', { stat_t: 'b/state', cmd_t: 'b/set', cmd_tpl: '{"setpoint": {{ value }}}', min: 30, max: 70, step: 5, mode: 'slider' })).toMatchObject({
      commandTopic: 'b/set',
      commandPayloads: { set_value: '{"setpoint": {{value}}}' },
      attributes: { min: 30, max: 70, step: 5, mode: 'slider' },
    });
    expect(imported('homeassistant/select/mode/config', { stat_t: 'm', cmd_t: 'm/set', ops: ['a', 'b'] })).toMatchObject({ id: 'select.mode', attributes: { options: ['a', 'b'] } });
    expect(imported('homeassistant/sensor/tariff/config', { stat_t: 't', dev_cla: 'enum', ops: ['peak', 'off_peak'] })).toMatchObject({ attributes: { deviceClass: 'enum', options: ['peak', 'off_peak'] } });
    expect(
      imported('homeassistant/fan/f/config', { stat_t: 'f', val_tpl: '{{ value_json.state }}', cmd_t: 'f/set', pct_cmd_t: 'f/pct', pct_stat_t: 'f', pct_val_tpl: '{{ value_json.speed }}' }),
    ).toMatchObject({ commandTopics: { set_percentage: 'f/pct' }, attributePaths: { percentage: 'speed' } });
  });

  it('translates command templates that only substitute', () => {
    expect(substitute('{"x": {{ value }} }', { value: '{{position}}' })).toBe('{"x": {{position}} }');
    expect(substitute('{{ value | int }}', { value: 'x' })).toBeUndefined();
    expect(substitute('{% if value %}1{% endif %}', { value: 'x' })).toBeUndefined();
    expect(substitute('{{ constructor }}', { value: 'x' })).toBeUndefined();
  });
});

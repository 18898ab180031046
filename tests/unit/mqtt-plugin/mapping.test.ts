import { describe, expect, it } from 'vitest';
import { commandPayload, extract, readPath, toState } from '../../../plugins/mqtt/mapping.js';
import { importDiscovery, pathOfTemplate } from '../../../plugins/mqtt/ha-import.js';

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

  it('fills command templates from params', () => {
    expect(commandPayload({}, 'turn_on', {})).toBe('ON');
    expect(commandPayload({}, 'set_position', { position: 40 })).toBe('40');
    const z2m = { commandPayloads: { turn_on: '{"state":"ON","brightness":{{ brightness }}}' } };
    expect(commandPayload(z2m, 'turn_on', { brightness: 60 })).toBe('{"state":"ON","brightness":60}');
    expect(commandPayload({}, 'toggle', {})).toBeUndefined();
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
    expect(importDiscovery('homeassistant/climate/x/config', '{}', 'homeassistant')).toMatchObject({ ok: false });
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

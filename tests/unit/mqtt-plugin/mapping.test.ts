import { describe, expect, it } from 'vitest';
import { commandPayload, extract, fromDevice, optimisticUpdate, readPath, toDevice, toState } from '../../../plugins/mqtt/mapping.js';

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
    expect(toState('cover', 'jammed')).toBeUndefined();
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

  it("scales brightness and position to the device's range, both ways", () => {
    const z2m = { brightnessScale: 254 };
    expect(toDevice(z2m, 'brightness', 50)).toBe(127);
    expect(fromDevice(z2m, 'brightness', 254)).toBe(100);
    expect(commandPayload({ ...z2m, commandPayloads: { turn_on: '{"brightness":{{ brightness }}}' } }, 'turn_on', { brightness: 100 })).toBe('{"brightness":254}');
    const inverted = { positionOpen: 0, positionClosed: 100 };
    expect(toDevice(inverted, 'position', 30)).toBe(70);
    expect(fromDevice(inverted, 'position', 70)).toBe(30);
    expect(fromDevice({}, 'position', -1)).toBeUndefined();
    expect(fromDevice({}, 'position', 'n/a')).toBeUndefined();
    expect(commandPayload({ commandPayloads: { lock: '{"do":"{{ value }}"}' }, commandValues: { lock: 'LOCK_IT' } }, 'lock', {})).toBe('{"do":"LOCK_IT"}');
    expect(commandPayload({}, 'turn_off', { transitionMs: 1500 })).toBe('OFF');
    expect(commandPayload({ commandPayloads: { turn_off: '{"t":{{ transition }}}' } }, 'turn_off', { transitionMs: 1500 })).toBe('{"t":1.5}');
  });

  it('reads a stopped cover as closed at position 0 and open elsewhere', () => {
    expect(toState('cover', 'STOP', { STOP: 'stopped' }, { position: 0 })).toBe('closed');
    expect(toState('cover', 'stop', undefined, { position: 40 })).toBe('open');
    expect(toState('cover', 'stopped')).toBe('open');
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

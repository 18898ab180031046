import { describe, expect, it } from 'vitest';
import { evaluate, type ConditionEnv } from '../../../core/automation/conditions.js';
import { conditionSchema, type Condition } from '../../../core/automation/definition.js';
import { createContext, type EntityState } from '../../../core/kernel/index.js';

function state(id: string, value: EntityState['state'], lastChanged = '2024-06-03T09:00:00Z', attributes = {}): EntityState {
  return { id, domain: id.startsWith('sensor') ? 'sensor' : 'switch', name: id, area: null, state: value, attributes, available: true, lastChanged, lastUpdated: lastChanged, context: createContext() };
}
const states = new Map([
  ['switch.fan', state('switch.fan', 'on', '2024-06-03T09:55:00Z')],
  ['sensor.t', state('sensor.t', 21.5, '2024-06-03T09:00:00Z', { battery: 80 })],
  ['lock.door', state('lock.door', 'locked', '2024-06-03T09:00:00Z')],
  ['number.boiler', state('number.boiler', 55)],
  ['climate.hall', state('climate.hall', 'heat', '2024-06-03T09:00:00Z', { currentTemperature: 19.5, preset: 'eco' })],
  ['alarm_control_panel.house', state('alarm_control_panel.house', 'armed_night')],
  ['sensor.tariff', state('sensor.tariff', 'off_peak', '2024-06-03T09:00:00Z', { deviceClass: 'enum', options: ['peak', 'off_peak'] })],
]);
function env(iso: string): ConditionEnv {
  return { getState: (id) => states.get(id), now: Date.parse(iso), location: { latitude: 48.85, longitude: 2.35, timezone: 'Europe/Paris' } };
}
const check = (input: unknown, at = '2024-06-03T10:00:00Z') => evaluate(conditionSchema.parse(input) as Condition, env(at));

describe('conditions', () => {
  it('state, with attribute, list and for', () => {
    expect(check({ type: 'state', entity: 'switch.fan', state: 'on' })).toBe(true);
    expect(check({ type: 'state', entity: 'switch.fan', state: ['off', 'unknown'] })).toBe(false);
    expect(check({ type: 'state', entity: 'sensor.t', attribute: 'battery', state: 80 })).toBe(true);
    expect(check({ type: 'state', entity: 'switch.fan', state: 'on', for: '5m' })).toBe(true);
    expect(check({ type: 'state', entity: 'switch.fan', state: 'on', for: '6m' })).toBe(false);
    expect(check({ type: 'state', entity: 'switch.missing', state: 'on' })).toBe(false);
  });

  it('work on the newer domains: states, numbers and attributes', () => {
    expect(check({ type: 'state', entity: 'lock.door', state: 'locked', for: '1h' })).toBe(true);
    expect(check({ type: 'state', entity: 'lock.door', state: ['unlocked', 'jammed'] })).toBe(false);
    expect(check({ type: 'state', entity: 'alarm_control_panel.house', state: ['armed_away', 'armed_night'] })).toBe(true);
    expect(check({ type: 'state', entity: 'sensor.tariff', state: 'off_peak' })).toBe(true);
    expect(check({ type: 'state', entity: 'climate.hall', attribute: 'preset', state: 'eco' })).toBe(true);
    expect(check({ type: 'numeric_state', entity: 'number.boiler', above: 50, below: 60 })).toBe(true);
    expect(check({ type: 'numeric_state', entity: 'climate.hall', attribute: 'currentTemperature', below: 19 })).toBe(false);
    expect(check({ type: 'numeric_state', entity: 'climate.hall', attribute: 'currentTemperature', below: 20 })).toBe(true);
    // A state that is no number never satisfies a numeric condition.
    expect(check({ type: 'numeric_state', entity: 'sensor.tariff', above: 0 })).toBe(false);
    expect(check({ type: 'numeric_state', entity: 'climate.hall', above: 0 })).toBe(false);
  });

  it('numeric_state bounds are strict', () => {
    expect(check({ type: 'numeric_state', entity: 'sensor.t', above: 21, below: 22 })).toBe(true);
    expect(check({ type: 'numeric_state', entity: 'sensor.t', above: 21.5 })).toBe(false);
    expect(check({ type: 'numeric_state', entity: 'sensor.t', attribute: 'battery', below: 20 })).toBe(false);
  });

  it('time in the hub timezone, spanning midnight, with weekdays', () => {
    const night = { type: 'time', after: '22:00', before: '06:00' };
    expect(check(night, '2024-06-03T21:30:00Z')).toBe(true); // 23:30 Paris
    expect(check(night, '2024-06-03T03:59:00Z')).toBe(true); // 05:59
    expect(check(night, '2024-06-03T04:00:00Z')).toBe(false); // 06:00
    expect(check({ type: 'time', after: '08:00', before: '18:00', weekdays: ['mon'] }, '2024-06-03T10:00:00Z')).toBe(true);
    expect(check({ type: 'time', weekdays: ['sat', 'sun'] }, '2024-06-03T10:00:00Z')).toBe(false);
  });

  it('sun: after sunrise and before sunset, with offsets', () => {
    const day = { type: 'sun', after: 'sunrise', before: 'sunset' };
    expect(check(day, '2024-06-03T12:00:00Z')).toBe(true);
    expect(check(day, '2024-06-03T02:00:00Z')).toBe(false);
    expect(check({ type: 'sun', before: 'sunset', beforeOffset: '-10h' }, '2024-06-03T12:00:00Z')).toBe(false);
  });

  it('and / or / not compose', () => {
    const on = { type: 'state', entity: 'switch.fan', state: 'on' };
    const off = { type: 'state', entity: 'switch.fan', state: 'off' };
    expect(check({ type: 'and', conditions: [on, { type: 'or', conditions: [off, on] }] })).toBe(true);
    expect(check({ type: 'not', conditions: [off] })).toBe(true);
    expect(check({ type: 'not', conditions: [off, on] })).toBe(false);
  });
});

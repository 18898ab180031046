import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/errors.js';
import { createKernel, DOMAINS, isValidState, type Domain } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';

/** Per domain: an entity's attributes, commands with good params, and bad ones the dispatcher must refuse. */
const CASES: Record<Domain, { attributes?: Record<string, unknown>; good: [string, unknown][]; bad: [string, unknown][] }> = {
  binary_sensor: { good: [], bad: [['turn_on', {}]] },
  sensor: { good: [], bad: [['set_value', { value: 1 }]] },
  switch: { good: [['turn_on', {}], ['toggle', undefined]], bad: [['turn_on', { brightness: 5 }]] },
  light: { good: [['turn_on', { brightness: 40, transitionMs: 500 }]], bad: [['turn_on', { brightness: 101 }], ['open', {}]] },
  cover: { good: [['set_position', { position: 0 }]], bad: [['set_position', {}], ['set_position', { position: -1 }]] },
  climate: {
    attributes: { minTemp: 5, maxTemp: 30, presets: ['eco', 'comfort'] },
    good: [['set_hvac_mode', { mode: 'auto' }], ['set_temperature', { temperature: 21.5 }], ['set_preset', { preset: 'eco' }], ['turn_off', {}]],
    bad: [
      ['set_hvac_mode', { mode: 'dry' }],
      ['set_temperature', { temperature: '21' }],
      ['set_temperature', { temperature: 31 }],
      ['set_preset', { preset: 'Boost!' }],
      ['set_preset', { preset: 'away' }],
    ],
  },
  lock: { good: [['lock', {}], ['unlock', {}], ['open', {}]], bad: [['lock', { code: '1' }], ['toggle', {}]] },
  valve: { good: [['open', {}], ['set_position', { position: 55 }]], bad: [['set_position', { position: 100.5 }], ['turn_on', {}]] },
  fan: { good: [['turn_on', { percentage: 30 }], ['set_percentage', { percentage: 0 }], ['toggle', {}]], bad: [['set_percentage', { percentage: 101 }], ['turn_on', { speed: 'high' }]] },
  siren: { good: [['turn_on', { durationS: 60 }], ['turn_on', {}]], bad: [['turn_on', { durationS: 0 }], ['turn_on', { durationS: 1.5 }]] },
  button: { good: [['press', {}]], bad: [['press', { times: 2 }], ['turn_on', {}]] },
  number: {
    attributes: { min: 30, max: 70, step: 1 },
    good: [['set_value', { value: 30 }], ['set_value', { value: 70 }]],
    bad: [['set_value', { value: 'high' }], ['set_value', { value: 71 }], ['set_value', {}]],
  },
  select: { attributes: { options: ['eco', 'comfort'] }, good: [['select_option', { option: 'comfort' }]], bad: [['select_option', { option: 'turbo' }], ['select_option', { option: '' }]] },
  alarm_control_panel: {
    good: [['arm_home', {}], ['arm_away', { code: '1234' }], ['disarm', { code: '1234' }], ['trigger', {}]],
    bad: [['disarm', {}], ['disarm', { code: '' }], ['arm_vacation', {}], ['trigger', { code: 1234 }]],
  },
  weather: { good: [], bad: [['refresh', {}]] },
  schedule: { good: [], bad: [['turn_on', {}]] },
};

function hubWith(domain: Domain, attributes: Record<string, unknown> = {}) {
  const kernel = createKernel(silentLogger());
  const id = `${domain}.test`;
  kernel.states.init(kernel.registry.add({ id, owner: 'fake' }), attributes);
  const calls: [string, unknown][] = [];
  const handler = (name: string) => (params: unknown) => void calls.push([name, params]);
  kernel.dispatcher.register(id, Object.fromEntries(['turn_on', 'turn_off', ...CASES[domain].good.map(([c]) => c)].map((c) => [c, handler(c)])));
  return { kernel, id, calls };
}

describe('every domain: commands validated by the dispatcher', () => {
  it.each(DOMAINS)('%s', async (domain) => {
    const { attributes, good, bad } = CASES[domain];
    const { kernel, id, calls } = hubWith(domain, attributes);
    for (const [command, params] of good) await kernel.dispatcher.dispatch({ entityId: id, command, params });
    expect(calls.length, 'every good command ran').toBe(good.length);
    for (const [command, params] of bad) {
      await expect(kernel.dispatcher.dispatch({ entityId: id, command, params }), `${command} ${JSON.stringify(params)}`).rejects.toBeInstanceOf(ValidationError);
    }
    expect(calls.length, 'no bad command ran').toBe(good.length);
  });

  it('names the bound an entity sets', async () => {
    const { kernel, id } = hubWith('number', CASES.number.attributes);
    await expect(kernel.dispatcher.dispatch({ entityId: id, command: 'set_value', params: { value: 71 } })).rejects.toThrow("invalid params for set_value on 'number.test': value 71 is outside 30…70");
    const select = hubWith('select', CASES.select.attributes);
    await expect(select.kernel.dispatcher.dispatch({ entityId: select.id, command: 'select_option', params: { option: 'turbo' } })).rejects.toThrow("option 'turbo' is not one of eco, comfort");
  });

  it('without bounds in the attributes, any value of the right type goes', async () => {
    const { kernel, id, calls } = hubWith('number');
    await kernel.dispatcher.dispatch({ entityId: id, command: 'set_value', params: { value: -1e6 } });
    expect(calls).toEqual([['set_value', { value: -1e6 }]]);
  });
});

describe('every domain: states', () => {
  const valid: Record<Domain, unknown[]> = {
    binary_sensor: ['on', 'off'],
    sensor: [21.5, 0],
    switch: ['on'],
    light: ['off'],
    cover: ['opening'],
    climate: ['off', 'heat', 'cool', 'auto'],
    lock: ['locked', 'unlocked', 'locking', 'unlocking', 'jammed'],
    valve: ['open', 'closing'],
    fan: ['on'],
    siren: ['off'],
    button: ['2026-12-06T00:40:00.000Z', '2026-12-06T01:40:00+01:00'],
    number: [55, -3.5],
    select: ['eco'],
    alarm_control_panel: ['disarmed', 'arming', 'armed_home', 'armed_away', 'armed_night', 'pending', 'triggered'],
    weather: ['clear-night', 'partlycloudy', 'exceptional'],
    schedule: ['on', 'off'],
  };
  const invalid: Record<Domain, unknown[]> = {
    binary_sensor: ['open', 1],
    sensor: ['warm', Number.NaN, true],
    switch: ['ON'],
    light: [1],
    cover: ['stopped'],
    climate: ['dry', 'on'],
    lock: ['open', 'LOCKED'],
    valve: ['stopped', 50],
    fan: ['high'],
    siren: ['loud'],
    button: ['pressed', 'yesterday', 1],
    number: ['55', Number.POSITIVE_INFINITY],
    select: ['turbo', 1],
    alarm_control_panel: ['armed', 'armed_vacation'],
    weather: ['sunny-ish', 'Sunny'],
    schedule: ['active'],
  };
  const attributes: Partial<Record<Domain, Record<string, unknown>>> = { select: { options: ['eco', 'comfort'] } };

  it.each(DOMAINS)('%s', (domain) => {
    for (const state of [...valid[domain], null]) expect(isValidState(domain, state, attributes[domain]), JSON.stringify(state)).toBe(true);
    for (const state of invalid[domain]) expect(isValidState(domain, state, attributes[domain]), JSON.stringify(state)).toBe(false);
  });

  it('holds an enum sensor to its options, and a text sensor without them to nothing', () => {
    expect(isValidState('sensor', 'peak', { deviceClass: 'enum', options: ['peak', 'off_peak'] })).toBe(true);
    expect(isValidState('sensor', 'shoulder', { deviceClass: 'enum', options: ['peak', 'off_peak'] })).toBe(false);
    expect(isValidState('sensor', 'peak', {})).toBe(false);
    expect(isValidState('sensor', 'peak', { deviceClass: 'enum' })).toBe(false);
    expect(isValidState('sensor', 12, { deviceClass: 'enum', options: ['peak'] })).toBe(false);
  });
});

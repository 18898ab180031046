import { describe, expect, it } from 'vitest';
import { commandSchema, DOMAINS, type Domain, type EntityInfo, type EntityState } from '../../../core/kernel/index.js';
import { parseSetPayload } from '../../../core/mqtt/commands.js';
import { discoveryPayload, discoveryTopic, entityOfDiscoveryTopic, type DiscoveryScope } from '../../../core/mqtt/discovery.js';
import { topicLayout } from '../../../core/mqtt/topics.js';
import { renderAll, type Render } from '../../helpers/jinja.js';
import { haProblems } from '../../fixtures/ha-schemas/index.js';

const scope: DiscoveryScope = { node: 'pi', hubName: 'House', version: '1.0.0', prefix: 'homeassistant', topics: topicLayout('hearth') };

/** One entity per domain, in a state that exercises every optional part of its config. */
const HOUSE: Record<Domain, { state: unknown; attributes: Record<string, unknown> }> = {
  binary_sensor: { state: 'on', attributes: { deviceClass: 'door' } },
  sensor: { state: 21.5, attributes: { unit: '°C', deviceClass: 'temperature', stateClass: 'measurement' } },
  switch: { state: 'off', attributes: {} },
  light: { state: 'on', attributes: { brightness: 40 } },
  cover: { state: 'open', attributes: { position: 100, deviceClass: 'shutter' } },
  climate: {
    state: 'heat',
    attributes: { currentTemperature: 19.5, targetTemperature: 21, preset: 'eco', presets: ['comfort', 'eco', 'none'], hvacAction: 'heating', minTemp: 5, maxTemp: 30, step: 0.5 },
  },
  lock: { state: 'locked', attributes: {} },
  valve: { state: 'opening', attributes: { position: 30 } },
  fan: { state: 'on', attributes: { percentage: 60 } },
  siren: { state: 'off', attributes: {} },
  button: { state: null, attributes: {} },
  number: { state: 45, attributes: { min: 30, max: 65, step: 5, unit: '°C', mode: 'slider' } },
  select: { state: 'eco', attributes: { options: ['comfort', 'eco', 'off'] } },
  alarm_control_panel: { state: 'armed_away', attributes: { codeRequired: true } },
  weather: { state: 'rainy', attributes: { temperature: 11, humidity: 90 } },
  schedule: { state: 'on', attributes: { next: '2026-12-06T06:00:00Z' } },
};

function entity(domain: Domain, objectId = 'test') {
  const id = `${domain}.${objectId}`;
  const info: EntityInfo = { id, domain, name: `Test ${domain}`, area: null, owner: 'fake' };
  const { state, attributes } = HOUSE[domain];
  const snapshot = { id, domain, name: info.name, area: null, state, attributes, available: true, lastChanged: '', lastUpdated: '', context: { id: 'c' } } as unknown as EntityState;
  return { info, snapshot, payload: discoveryPayload(scope, info, snapshot) };
}

/** The state HA would read: each state template rendered against Hearth's JSON state payload (one Jinja2 run). */
function readBack(wanted: Partial<Record<Domain, readonly string[]>>): Partial<Record<Domain, Record<string, string>>> {
  const jobs: (Render & { domain: Domain; key: string })[] = [];
  for (const [domain, keys] of Object.entries(wanted) as [Domain, string[]][]) {
    const { payload, snapshot } = entity(domain);
    for (const key of keys) jobs.push({ domain, key, template: String(payload[key]), variables: { value_json: JSON.parse(JSON.stringify(snapshot)) } });
  }
  const out: Partial<Record<Domain, Record<string, string>>> = {};
  renderAll(jobs).forEach((text, i) => ((out[jobs[i]!.domain] ??= {})[jobs[i]!.key] = text));
  return out;
}

/** The Hearth command a rendered HA command payload becomes, checked against the domain's params. */
function hearthCommand(domain: Domain, payload: string) {
  const parsed = parseSetPayload(payload, domain);
  if (!parsed.ok) throw new Error(`${domain}: ${JSON.stringify(payload)}: ${parsed.error}`);
  const schema = commandSchema(domain, parsed.value.command);
  expect(schema, `${domain} has no command '${parsed.value.command}'`).toBeDefined();
  const params = schema!.safeParse(parsed.value.params);
  expect(params.success, `${domain} ${parsed.value.command}: ${params.error?.message}`).toBe(true);
  return { command: parsed.value.command, params: parsed.value.params };
}

describe('Home Assistant discovery per domain', () => {
  it.each(DOMAINS)('%s: a config HA accepts, with the common fields', (domain) => {
    const { payload } = entity(domain);
    const component = discoveryTopic(scope, `${domain}.test`).split('/')[1]!;
    expect(haProblems(component, payload), domain).toEqual([]);
    expect(payload).toMatchObject({ unique_id: `hearth_pi_${domain}_test`, json_attributes_topic: `hearth/pi/${domain}.test/state`, default_entity_id: `${component}.${payload.object_id as string}` });
  });

  it('publishes weather and schedule under stand-in components whose topics map back', () => {
    expect(discoveryTopic(scope, 'weather.home')).toBe('homeassistant/sensor/pi/weather-home/config');
    expect(discoveryTopic(scope, 'schedule.heating')).toBe('homeassistant/binary_sensor/pi/schedule-heating/config');
    expect(discoveryTopic(scope, 'lock.front_door')).toBe('homeassistant/lock/pi/front_door/config');
    for (const id of ['weather.home', 'schedule.heating', 'sensor.home', 'alarm_control_panel.house']) {
      expect(entityOfDiscoveryTopic(scope, discoveryTopic(scope, id))).toBe(id);
    }
    for (const stranger of ['homeassistant/sensor/pi/foo-bar/config', 'homeassistant/binary_sensor/pi/weather-home/config', 'homeassistant/weather/pi/home/config', 'homeassistant/sensor/other/x/config']) {
      expect(entityOfDiscoveryTopic(scope, stranger), stranger).toBeUndefined();
    }
    expect(entity('weather').payload).toMatchObject({ object_id: 'weather_test', device_class: 'enum', options: expect.arrayContaining(['rainy', 'clear-night']) });
    expect(entity('schedule').payload).toMatchObject({ object_id: 'schedule_test', payload_on: 'on' });
  });

  it('gives enum sensors their options and no unit', () => {
    const info: EntityInfo = { id: 'sensor.tariff', domain: 'sensor', name: 'Tariff', area: null, owner: 'fake' };
    const state = { state: 'peak', attributes: { deviceClass: 'enum', options: ['peak', 'off_peak'], unit: 'x' } } as unknown as EntityState;
    const payload = discoveryPayload(scope, info, state);
    expect(payload).toMatchObject({ device_class: 'enum', options: ['peak', 'off_peak'] });
    expect(payload).not.toHaveProperty('unit_of_measurement');
    expect(haProblems('sensor', payload)).toEqual([]);
  });

  it('leaves out the optional parts an entity does not have', () => {
    const plain = (domain: Domain) => discoveryPayload(scope, { id: `${domain}.x`, domain, name: 'x', area: null, owner: 'f' }, undefined);
    expect(plain('climate')).not.toHaveProperty('preset_modes');
    expect(plain('climate')).not.toHaveProperty('action_topic');
    expect(plain('fan')).not.toHaveProperty('percentage_command_topic');
    expect(plain('valve')).toMatchObject({ payload_open: 'OPEN', payload_close: 'CLOSE' });
    expect(plain('valve')).not.toHaveProperty('reports_position');
    for (const domain of ['climate', 'fan', 'valve', 'number', 'select'] as const) {
      expect(haProblems(domain, plain(domain)), domain).toEqual([]);
    }
  });
});

describe("Hearth's discovery against Home Assistant's schemas (tests/fixtures/ha-schemas)", () => {
  const info = (domain: Domain): EntityInfo => ({ id: `${domain}.x`, domain, name: 'x', area: null, owner: 'f' });
  const published = (domain: Domain, attributes: Record<string, unknown>) => discoveryPayload(scope, info(domain), { attributes } as unknown as EntityState);
  const componentOf = (domain: Domain) => discoveryTopic(scope, `${domain}.x`).split('/')[1]!;

  it('the schemas refuse what Home Assistant refuses', () => {
    const base = { state_topic: 's', unique_id: 'u', device: { identifiers: ['d'] } };
    expect(haProblems('sensor', { ...base, device_class: 'temperature', unit_of_measurement: '%' })).not.toEqual([]);
    expect(haProblems('sensor', { ...base, device_class: 'energy', unit_of_measurement: 'kWh', state_class: 'measurement' })).not.toEqual([]);
    expect(haProblems('sensor', { ...base, device_class: 'enum', options: ['a'], unit_of_measurement: 'x' })).not.toEqual([]);
    expect(haProblems('sensor', { ...base, device_class: 'rain' })).not.toEqual([]);
    expect(haProblems('sensor', { state_topic: 's', device: { identifiers: ['d'] } })).not.toEqual([]);
    expect(haProblems('binary_sensor', { ...base, device_class: 'rain' })).not.toEqual([]);
    expect(haProblems('climate', { ...base, preset_modes: ['none'], preset_mode_command_topic: 'p' })).not.toEqual([]);
    expect(haProblems('valve', { ...base, command_topic: 'c', reports_position: true, payload_open: 'OPEN' })).not.toEqual([]);
    expect(haProblems('cover', { ...base, command_topic: 'c', set_position_topic: 'p' })).not.toEqual([]);
    expect(haProblems('switch', { ...base, command_topic: 'c/#' })).not.toEqual([]);
    expect(haProblems('sensor', { ...base, device_class: 'temperature', unit_of_measurement: '°C', state_class: 'measurement' })).toEqual([]);
  });

  it('every payload Hearth can emit, for every domain and the attribute combinations plugins use, is accepted', () => {
    const sensorCases: Record<string, unknown>[] = [
      { unit: '°C', deviceClass: 'temperature', stateClass: 'measurement' },
      { unit: '%', deviceClass: 'humidity', stateClass: 'measurement' },
      { unit: 'kWh', deviceClass: 'energy', stateClass: 'total_increasing' },
      { unit: 'W', deviceClass: 'power', stateClass: 'measurement' },
      { unit: 'V', deviceClass: 'voltage' },
      { unit: 'A', deviceClass: 'current' },
      { unit: 'VA', deviceClass: 'apparent_power', stateClass: 'measurement' },
      { unit: 'mm', deviceClass: 'precipitation' },
      { unit: 'km/h', deviceClass: 'wind_speed' },
      { unit: 'lx', deviceClass: 'illuminance' },
      { unit: 'hPa', deviceClass: 'pressure' },
      // What HA would refuse: the device class (or state class) is left out, the reading stays.
      { unit: '%', deviceClass: 'temperature', stateClass: 'measurement' },
      { unit: 'kWh', deviceClass: 'energy', stateClass: 'measurement' },
      { unit: 'ppm', deviceClass: 'co2' },
      { unit: 'W' },
      { deviceClass: 'enum', options: ['peak', 'off_peak'] },
      {},
    ];
    for (const attributes of sensorCases) expect(haProblems('sensor', published('sensor', attributes)), JSON.stringify(attributes)).toEqual([]);
    expect(published('sensor', { unit: '%', deviceClass: 'temperature' })).not.toHaveProperty('device_class');
    expect(published('sensor', { unit: 'kWh', deviceClass: 'energy', stateClass: 'measurement' })).toMatchObject({ device_class: 'energy' });
    expect(published('sensor', { unit: 'kWh', deviceClass: 'energy', stateClass: 'measurement' })).not.toHaveProperty('state_class');
    for (const deviceClass of ['motion', 'door', 'window', 'moisture', 'smoke', 'occupancy', 'rain', 'presence', 'no_such_class']) {
      expect(haProblems('binary_sensor', published('binary_sensor', { deviceClass })), deviceClass).toEqual([]);
    }
    expect(published('binary_sensor', { deviceClass: 'rain' })).toMatchObject({ device_class: 'moisture' });
    expect(published('climate', {})).toMatchObject({ temperature_unit: 'C' });
    const others: [Domain, Record<string, unknown>][] = [
      ['light', {}],
      ['light', { brightness: 0 }],
      ['cover', { deviceClass: 'shutter', position: 0 }],
      ['cover', { deviceClass: 'roller' }],
      ['valve', { deviceClass: 'water' }],
      ['valve', { deviceClass: 'gas', position: 50 }],
      ['fan', {}],
      ['fan', { percentage: 0 }],
      ['button', { deviceClass: 'restart' }],
      ['button', { deviceClass: 'doorbell' }],
      ['number', { min: 0, max: 10, step: 0.5, unit: '°C', deviceClass: 'temperature', mode: 'box' }],
      ['number', { unit: '%', deviceClass: 'temperature' }],
      ['select', { options: [] }],
      ['climate', { presets: ['none'], minTemp: 5, maxTemp: 30, step: 0.5, hvacAction: 'idle' }],
      ['siren', {}],
      ['lock', {}],
      ['alarm_control_panel', { codeRequired: false }],
      ['weather', {}],
      ['schedule', {}],
    ];
    for (const [domain, attributes] of others) expect(haProblems(componentOf(domain), published(domain, attributes)), `${domain} ${JSON.stringify(attributes)}`).toEqual([]);
  });
});

describe('what HA reads from Hearth state and sends back, rendered by Jinja2', () => {
  it('reads each state template to the value HA expects', () => {
    const read = readBack({
      climate: ['mode_state_template', 'temperature_state_template', 'current_temperature_template', 'action_template', 'preset_mode_value_template'],
      lock: ['value_template'],
      valve: ['value_template'],
      fan: ['state_value_template', 'percentage_value_template'],
      siren: ['state_value_template'],
      number: ['value_template'],
      select: ['value_template'],
      alarm_control_panel: ['value_template'],
      weather: ['value_template'],
      schedule: ['value_template'],
    });
    expect(read.climate).toEqual({
      mode_state_template: 'heat',
      temperature_state_template: '21',
      current_temperature_template: '19.5',
      action_template: 'heating',
      preset_mode_value_template: 'eco',
    });
    expect(JSON.parse(read.valve!.value_template!)).toEqual({ state: 'opening', position: 30 });
    expect(read).toMatchObject({
      lock: { value_template: 'locked' },
      fan: { state_value_template: 'ON', percentage_value_template: '60' },
      siren: { state_value_template: 'off' },
      number: { value_template: '45' },
      select: { value_template: 'eco' },
      alarm_control_panel: { value_template: 'armed_away' },
      weather: { value_template: 'rainy' },
      schedule: { value_template: 'on' },
    });
  });

  it('turns every command HA can send into a valid Hearth command', () => {
    const c = (domain: Domain) => entity(domain).payload as Record<string, string>;
    const climate = c('climate');
    const valve = c('valve');
    const siren = c('siren');
    const alarm = c('alarm_control_panel');
    // [domain, template (or the plain payload HA sends), HA's variables, the Hearth command expected]
    const cases: [Domain, string, Record<string, unknown>, { command: string; params: Record<string, unknown> }][] = [
      ['climate', climate.mode_command_template!, { value: 'cool' }, { command: 'set_hvac_mode', params: { mode: 'cool' } }],
      ['climate', climate.temperature_command_template!, { value: 21.5 }, { command: 'set_temperature', params: { temperature: 21.5 } }],
      ['climate', climate.preset_mode_command_template!, { value: 'comfort' }, { command: 'set_preset', params: { preset: 'comfort' } }],
      ['climate', climate.payload_on!, {}, { command: 'turn_on', params: {} }],
      ['climate', climate.payload_off!, {}, { command: 'turn_off', params: {} }],
      ['lock', c('lock').payload_lock!, {}, { command: 'lock', params: {} }],
      ['lock', c('lock').payload_unlock!, {}, { command: 'unlock', params: {} }],
      ['lock', c('lock').payload_open!, {}, { command: 'open', params: {} }],
      // A proportional valve: HA sends position_open / position_closed / the set position through the template, stop as its payload.
      ['valve', valve.command_template!, { value: 100 }, { command: 'set_position', params: { position: 100 } }],
      ['valve', valve.command_template!, { value: 0 }, { command: 'set_position', params: { position: 0 } }],
      ['valve', valve.command_template!, { value: 35 }, { command: 'set_position', params: { position: 35 } }],
      ['valve', valve.command_template!, { value: valve.payload_stop }, { command: 'stop', params: {} }],
      ['valve', 'OPEN', {}, { command: 'open', params: {} }],
      ['fan', c('fan').payload_on!, {}, { command: 'turn_on', params: {} }],
      ['fan', c('fan').percentage_command_template!, { value: 75 }, { command: 'set_percentage', params: { percentage: 75 } }],
      ['siren', siren.command_template!, { value: siren.payload_on, duration: 30 }, { command: 'turn_on', params: { durationS: 30 } }],
      ['siren', siren.command_template!, { value: siren.payload_on, duration: null, tone: null }, { command: 'turn_on', params: {} }],
      ['siren', siren.command_off_template!, { value: siren.payload_off }, { command: 'turn_off', params: {} }],
      ['button', c('button').payload_press!, {}, { command: 'press', params: {} }],
      ['number', c('number').command_template!, { value: 55 }, { command: 'set_value', params: { value: 55 } }],
      ['number', c('number').command_template!, { value: -2.5 }, { command: 'set_value', params: { value: -2.5 } }],
      ['select', c('select').command_template!, { value: 'off' }, { command: 'select_option', params: { option: 'off' } }],
      ['select', c('select').command_template!, { value: 'say "hi"' }, { command: 'select_option', params: { option: 'say "hi"' } }],
      ['alarm_control_panel', alarm.command_template!, { action: alarm.payload_arm_away, code: null }, { command: 'arm_away', params: {} }],
      ['alarm_control_panel', alarm.command_template!, { action: alarm.payload_arm_home, code: '' }, { command: 'arm_home', params: {} }],
      ['alarm_control_panel', alarm.command_template!, { action: alarm.payload_arm_night, code: '1234' }, { command: 'arm_night', params: { code: '1234' } }],
      ['alarm_control_panel', alarm.command_template!, { action: alarm.payload_disarm, code: '12"34' }, { command: 'disarm', params: { code: '12"34' } }],
      ['alarm_control_panel', alarm.command_template!, { action: alarm.payload_trigger, code: null }, { command: 'trigger', params: {} }],
    ];
    const rendered = renderAll(cases.map(([, template, variables]) => ({ template, variables })));
    cases.forEach(([domain, , , expected], i) => expect(hearthCommand(domain, rendered[i]!), `${domain} ${JSON.stringify(rendered[i])}`).toEqual(expected));
  });
});

describe('/set payloads per domain', () => {
  it('reads bare values by the entity domain', () => {
    expect(parseSetPayload('42', 'number')).toEqual({ ok: true, value: { command: 'set_value', params: { value: 42 } } });
    expect(parseSetPayload('30', 'valve')).toEqual({ ok: true, value: { command: 'set_position', params: { position: 30 } } });
    expect(parseSetPayload('30', 'cover')).toEqual({ ok: true, value: { command: 'set_position', params: { position: 30 } } });
    expect(parseSetPayload('80', 'fan')).toEqual({ ok: true, value: { command: 'set_percentage', params: { percentage: 80 } } });
    expect(parseSetPayload('ON', 'select')).toEqual({ ok: true, value: { command: 'select_option', params: { option: 'ON' } } });
    expect(parseSetPayload('{"command":"select_option","params":{"option":"a"}}', 'select')).toEqual({ ok: true, value: { command: 'select_option', params: { option: 'a' } } });
    expect(parseSetPayload('LOCK', 'lock')).toEqual({ ok: true, value: { command: 'lock', params: {} } });
    expect(parseSetPayload('press', 'button')).toEqual({ ok: true, value: { command: 'press', params: {} } });
    expect(parseSetPayload('ARM_AWAY', 'alarm_control_panel')).toEqual({ ok: true, value: { command: 'arm_away', params: {} } });
    // Without a domain a number means nothing.
    expect(parseSetPayload('42').ok).toBe(false);
    expect(parseSetPayload('42', 'switch').ok).toBe(false);
  });
});

import { HVAC_MODES, WEATHER_CONDITIONS, type Domain } from '../kernel/index.js';
import { BINARY_SENSOR_CLASSES, BUTTON_CLASSES, COVER_CLASSES, deviceClassOf, sensorClassing, VALVE_CLASSES } from './ha-classes.js';

/**
 * The domain-specific half of a Home Assistant MQTT discovery config: which HA
 * component an entity becomes and the topics, templates and payloads that make
 * HA read Hearth's JSON state and send commands `/set` understands.
 */
export interface ComponentTopics {
  /** Hearth's retained JSON state topic of the entity. */
  state: string;
  /** Hearth's command topic of the entity. */
  set: string;
}

type Attributes = Readonly<Record<string, unknown>>;
type Builder = (t: ComponentTopics, a: Attributes) => Record<string, unknown>;

const STATE = '{{ value_json.state }}';
const attr = (name: string) => `{{ value_json.attributes.${name} }}`;
/** A command template that sends `{"command": …, "params": {<param>: value}}`; text values are JSON-quoted. */
const withParam = (command: string, param: string, text = false) => `{"command":"${command}","params":{"${param}":${text ? '{{ value | tojson }}' : '{{ value }}'}}}`;

/** HA has no MQTT platform for these domains: they are published as the nearest component. */
export const STAND_INS: Readonly<Partial<Record<Domain, string>>> = { weather: 'sensor', schedule: 'binary_sensor' };

export function componentOf(domain: Domain): string {
  return STAND_INS[domain] ?? domain;
}

const onOffState = (t: ComponentTopics) => ({ state_topic: t.state, value_template: STATE, payload_on: 'on', payload_off: 'off' });

const BUILDERS: Record<Domain, Builder> = {
  sensor: (t, a) =>
    a.deviceClass === 'enum'
      ? // HA refuses a unit or state class on an enum sensor.
        { state_topic: t.state, value_template: STATE, device_class: 'enum', options: strings(a.options) }
      : { state_topic: t.state, value_template: STATE, ...sensorClassing(a.deviceClass, a.unit, a.stateClass) },
  binary_sensor: (t, a) => ({ ...onOffState(t), ...optional('device_class', deviceClassOf(BINARY_SENSOR_CLASSES, a.deviceClass)) }),
  switch: (t) => ({ state_topic: t.state, value_template: STATE, state_on: 'on', state_off: 'off', command_topic: t.set, payload_on: 'ON', payload_off: 'OFF' }),
  light: (t, a) => ({
    state_topic: t.state,
    state_value_template: '{{ value_json.state | upper }}',
    command_topic: t.set,
    payload_on: 'ON',
    payload_off: 'OFF',
    ...(typeof a.brightness === 'number' && {
      brightness_state_topic: t.state,
      brightness_value_template: attr('brightness'),
      brightness_command_topic: t.set,
      brightness_command_template: withParam('turn_on', 'brightness'),
      brightness_scale: 100,
    }),
  }),
  cover: (t, a) => ({
    ...optional('device_class', deviceClassOf(COVER_CLASSES, a.deviceClass)),
    ...motion(t),
    payload_open: 'OPEN',
    payload_close: 'CLOSE',
    payload_stop: 'STOP',
    position_topic: t.state,
    position_template: attr('position'),
    set_position_topic: t.set,
    set_position_template: '{"command":"set_position","params":{"position":{{ position }}}}',
    position_open: 100,
    position_closed: 0,
  }),
  climate: (t, a) => ({
    // Hearth's temperatures are °C; without this HA reads them in its own unit system (°F in the US).
    temperature_unit: 'C',
    modes: [...HVAC_MODES],
    mode_state_topic: t.state,
    mode_state_template: STATE,
    mode_command_topic: t.set,
    mode_command_template: withParam('set_hvac_mode', 'mode', true),
    temperature_state_topic: t.state,
    temperature_state_template: attr('targetTemperature'),
    temperature_command_topic: t.set,
    temperature_command_template: withParam('set_temperature', 'temperature'),
    current_temperature_topic: t.state,
    current_temperature_template: attr('currentTemperature'),
    power_command_topic: t.set,
    payload_on: 'ON',
    payload_off: 'OFF',
    ...(typeof a.hvacAction === 'string' && { action_topic: t.state, action_template: attr('hvacAction') }),
    ...presets(t, a),
    ...number('min_temp', a.minTemp),
    ...number('max_temp', a.maxTemp),
    ...number('temp_step', a.step),
  }),
  lock: (t) => ({
    state_topic: t.state,
    value_template: STATE,
    state_locked: 'locked',
    state_unlocked: 'unlocked',
    state_locking: 'locking',
    state_unlocking: 'unlocking',
    state_jammed: 'jammed',
    command_topic: t.set,
    payload_lock: 'LOCK',
    payload_unlock: 'UNLOCK',
    payload_open: 'OPEN',
  }),
  valve: (t, a) =>
    typeof a.position === 'number'
      ? {
          ...optional('device_class', deviceClassOf(VALVE_CLASSES, a.deviceClass)),
          state_topic: t.state,
          // HA reads `{state, position}` from a proportional valve's rendered value.
          value_template: "{{ {'state': value_json.state, 'position': value_json.attributes.position} | tojson }}",
          reports_position: true,
          position_open: 100,
          position_closed: 0,
          command_topic: t.set,
          // Open, close and set position all send a number; only stop sends its payload.
          command_template: '{% if value is number %}{"command":"set_position","params":{"position":{{ value }}}}{% else %}{{ value }}{% endif %}',
          payload_stop: 'STOP',
        }
      : { ...optional('device_class', deviceClassOf(VALVE_CLASSES, a.deviceClass)), ...motion(t), payload_open: 'OPEN', payload_close: 'CLOSE', payload_stop: 'STOP' },
  fan: (t, a) => ({
    state_topic: t.state,
    state_value_template: '{{ value_json.state | upper }}',
    command_topic: t.set,
    payload_on: 'ON',
    payload_off: 'OFF',
    ...(typeof a.percentage === 'number' && {
      percentage_state_topic: t.state,
      percentage_value_template: attr('percentage'),
      percentage_command_topic: t.set,
      percentage_command_template: withParam('set_percentage', 'percentage'),
      speed_range_min: 1,
      speed_range_max: 100,
    }),
  }),
  siren: (t) => ({
    state_topic: t.state,
    state_value_template: STATE,
    state_on: 'on',
    state_off: 'off',
    command_topic: t.set,
    payload_on: 'ON',
    payload_off: 'OFF',
    support_duration: true,
    support_volume_set: false,
    command_template: '{% if duration %}{"command":"turn_on","params":{"durationS":{{ duration | int }}}}{% else %}{{ value }}{% endif %}',
    command_off_template: '{{ value }}',
  }),
  button: (t, a) => ({ command_topic: t.set, payload_press: 'PRESS', ...optional('device_class', deviceClassOf(BUTTON_CLASSES, a.deviceClass)) }),
  number: (t, a) => ({
    state_topic: t.state,
    value_template: STATE,
    command_topic: t.set,
    command_template: withParam('set_value', 'value'),
    ...number('min', a.min),
    ...number('max', a.max),
    ...number('step', a.step),
    ...(a.mode === 'slider' || a.mode === 'box' ? { mode: a.mode } : {}),
    ...sensorClassing(a.deviceClass, a.unit, undefined),
  }),
  select: (t, a) => ({ state_topic: t.state, value_template: STATE, command_topic: t.set, command_template: withParam('select_option', 'option', true), options: strings(a.options) }),
  alarm_control_panel: (t) => ({
    state_topic: t.state,
    value_template: STATE,
    command_topic: t.set,
    supported_features: ['arm_home', 'arm_away', 'arm_night', 'trigger'],
    payload_arm_home: 'arm_home',
    payload_arm_away: 'arm_away',
    payload_arm_night: 'arm_night',
    payload_disarm: 'disarm',
    payload_trigger: 'trigger',
    // Hearth checks the code itself: HA asks for one on disarm and passes it on.
    code: 'REMOTE_CODE_TEXT',
    code_arm_required: false,
    code_disarm_required: true,
    code_trigger_required: false,
    command_template: '{"command":"{{ action }}"{% if code %},"params":{"code":{{ code | tojson }}}{% endif %}}',
  }),
  weather: (t) => ({ state_topic: t.state, value_template: STATE, device_class: 'enum', options: [...WEATHER_CONDITIONS] }),
  schedule: (t) => onOffState(t),
};

export function componentConfig(domain: Domain, topics: ComponentTopics, attributes: Attributes): Record<string, unknown> {
  return BUILDERS[domain](topics, attributes);
}

function motion(t: ComponentTopics) {
  return {
    state_topic: t.state,
    value_template: STATE,
    state_open: 'open',
    state_opening: 'opening',
    state_closed: 'closed',
    state_closing: 'closing',
    command_topic: t.set,
  };
}

function presets(t: ComponentTopics, a: Attributes) {
  // HA reserves the preset `none` for "no preset".
  const list = strings(a.presets).filter((p) => p !== 'none');
  if (!list.length) return {};
  return {
    preset_modes: list,
    preset_mode_state_topic: t.state,
    preset_mode_value_template: '{{ value_json.attributes.preset | default("none", true) }}',
    preset_mode_command_topic: t.set,
    preset_mode_command_template: withParam('set_preset', 'preset', true),
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function optional(key: string, value: unknown): Record<string, unknown> {
  return typeof value === 'string' && value ? { [key]: value } : {};
}

function number(key: string, value: unknown): Record<string, unknown> {
  return typeof value === 'number' && Number.isFinite(value) ? { [key]: value } : {};
}

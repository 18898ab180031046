import type { TopicEntityInput } from './config.js';
import { ABBREVIATIONS } from './ha-abbreviations.js';
import { compileTemplate, render, TemplateError } from './template.js';

const COMPONENTS = ['sensor', 'binary_sensor', 'switch', 'light', 'cover', 'climate', 'lock', 'valve', 'fan', 'siren', 'button', 'number', 'select', 'alarm_control_panel', 'event'] as const;
type Component = (typeof COMPONENTS)[number];
const isImported = (component: string): component is Component => (COMPONENTS as readonly string[]).includes(component);

/** What describes the announcement rather than the entity: read for ids and names, never reported. */
const METADATA = new Set(['name', 'unique_id', 'object_id', 'default_entity_id', 'device', 'origin', '~', 'platform', 'qos']);

/** Device payload → Hearth state, for the state words HA lets a device rename. */
const STATE_WORDS: readonly [string, string][] = [
  ['state_open', 'open'],
  ['state_opening', 'opening'],
  ['state_closed', 'closed'],
  ['state_closing', 'closing'],
  ['state_stopped', 'stopped'],
  ['state_locked', 'locked'],
  ['state_unlocked', 'unlocked'],
  ['state_locking', 'locking'],
  ['state_unlocking', 'unlocking'],
  ['state_jammed', 'jammed'],
];

/** Hearth command ← the HA payload key that names what the device expects for it, and HA's default. */
const PAYLOAD_KEYS: readonly [string, string, string | undefined][] = [
  ['turn_on', 'payload_on', 'ON'],
  ['turn_off', 'payload_off', 'OFF'],
  ['open', 'payload_open', 'OPEN'],
  ['close', 'payload_close', 'CLOSE'],
  ['stop', 'payload_stop', 'STOP'],
  ['lock', 'payload_lock', 'LOCK'],
  ['unlock', 'payload_unlock', 'UNLOCK'],
  ['press', 'payload_press', 'PRESS'],
  ['arm_home', 'payload_arm_home', 'ARM_HOME'],
  ['arm_away', 'payload_arm_away', 'ARM_AWAY'],
  ['arm_night', 'payload_arm_night', 'ARM_NIGHT'],
  ['disarm', 'payload_disarm', 'DISARM'],
  ['trigger', 'payload_trigger', 'TRIGGER'],
];

/** Hearth command ← [HA command topic key, its template key]; the template's `value` is the command's main param. */
const SETTINGS: Readonly<Partial<Record<Component, readonly [string, string, string][]>>> = {
  number: [['set_value', 'command_topic', 'command_template']],
  select: [['select_option', 'command_topic', 'command_template']],
  fan: [['set_percentage', 'percentage_command_topic', 'percentage_command_template']],
  climate: [
    ['set_hvac_mode', 'mode_command_topic', 'mode_command_template'],
    ['set_temperature', 'temperature_command_topic', 'temperature_command_template'],
    ['set_preset', 'preset_mode_command_topic', 'preset_mode_command_template'],
  ],
};

/** Attribute ← [HA state topic key, its template key]. */
const ATTRIBUTE_SOURCES: Readonly<Partial<Record<Component, readonly [string, string, string][]>>> = {
  fan: [['percentage', 'percentage_state_topic', 'percentage_value_template']],
  climate: [
    ['targetTemperature', 'temperature_state_topic', 'temperature_state_template'],
    ['currentTemperature', 'current_temperature_topic', 'current_temperature_template'],
    ['hvacAction', 'action_topic', 'action_template'],
    ['preset', 'preset_mode_state_topic', 'preset_mode_value_template'],
  ],
  cover: [['position', 'position_topic', 'position_template']],
  light: [['brightness', 'brightness_state_topic', 'brightness_value_template']],
};

/** A field of the announcement Hearth does not use, and why. */
export interface Unmapped {
  field: string;
  reason: string;
}

export type Imported = { ok: true; entity: TopicEntityInput; unmapped: Unmapped[] } | { ok: false; reason: string };

/** A light in Home Assistant's JSON schema (Zigbee2MQTT's) is commanded with JSON. */
const JSON_ON = '{"state":"ON"{% if brightness is defined %},"brightness":{{ brightness }}{% endif %}{% if transition is defined %},"transition":{{ transition }}{% endif %}}';
const JSON_OFF = '{"state":"OFF"{% if transition is defined %},"transition":{{ transition }}{% endif %}}';

/**
 * Turns another system's discovery config into a topic entity: state, attributes, availability
 * and commands as Home Assistant would read and send them. What Hearth has no use for is
 * listed in `unmapped`, with the reason; a config nothing useful can come of is refused.
 */
export function importDiscovery(topic: string, payload: string, prefix: string): Imported {
  const parts = topic.slice(prefix.length + 1).split('/');
  const component = parts[0]!;
  if (!isImported(component)) return { ok: false, reason: `component '${component}' is not supported` };
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'payload is not an object' };
  const config = expand(raw as Record<string, unknown>);
  const device = isObject(config.device) ? expand(config.device) : {};
  // Hearth's own announcements are mirrored by federation; importing them would echo.
  if (device.manufacturer === 'Hearth' || String(config.unique_id ?? '').startsWith('hearth_')) return { ok: false, reason: 'announced by a Hearth hub' };
  try {
    return { ok: true, ...new Importer(component, config, device, parts).run() };
  } catch (err) {
    if (err instanceof TemplateError || err instanceof Refusal) return { ok: false, reason: err.message };
    throw err;
  }
}

class Refusal extends Error {}

/** Reads one expanded config, remembering each key it used so the rest can be reported. */
class Importer {
  private readonly used = new Set<string>(METADATA);
  private readonly reasons = new Map<string, string>();
  private readonly entity: Record<string, unknown> = {};
  private readonly attributes: Record<string, unknown> = {};
  private readonly attributeTopics: Record<string, { topic: string; valueTemplate?: string }> = {};
  private readonly commandPayloads: Record<string, string> = {};
  private readonly commandValues: Record<string, string> = {};
  private readonly commandTopics: Record<string, string> = {};
  private readonly stateMap: Record<string, string> = {};

  constructor(
    private readonly component: Component,
    private readonly c: Record<string, unknown>,
    private readonly device: Record<string, unknown>,
    private readonly topicParts: readonly string[],
  ) {}

  private get(key: string): unknown {
    this.used.add(key);
    return this.c[key];
  }

  private str(key: string): string | undefined {
    const v = this.get(key);
    return typeof v === 'string' && v !== '' ? v : undefined;
  }

  /** A template Hearth can evaluate, or undefined (and the field reported) when it cannot. */
  private template(key: string): string | undefined {
    const source = this.str(key);
    if (source === undefined) return undefined;
    try {
      compileTemplate(source);
      return source;
    } catch (err) {
      this.note(key, (err as Error).message);
      return undefined;
    }
  }

  private note(key: string, reason: string): void {
    this.reasons.set(key, reason);
  }

  run(): { entity: TopicEntityInput; unmapped: Unmapped[] } {
    const { c, component } = this;
    const domain = component === 'event' ? 'button' : component;
    const objectId = slug(String(c.unique_id ?? c.object_id ?? this.topicParts.slice(1, -1).join('_')));
    this.entity.id = `${domain}.${objectId}`;
    const name = nameOf(c, this.device);
    if (name) this.entity.name = name;
    this.common();
    this.state();
    this.commands();
    this.settings();
    this.componentSpecific();
    for (const [name, topicKey, templateKey] of ATTRIBUTE_SOURCES[component] ?? []) {
      const topic = this.str(topicKey);
      if (!topic) continue;
      const valueTemplate = this.template(templateKey);
      if (this.c[templateKey] !== undefined && !valueTemplate) {
        this.note(topicKey, `not read: its template cannot be evaluated`);
        continue;
      }
      this.attributeTopics[name] = { topic, ...(valueTemplate && { valueTemplate }) };
    }
    const entity: Record<string, unknown> = { ...this.entity };
    const collected: [string, Record<string, unknown>][] = [
      ['attributes', this.attributes],
      ['attributeTopics', this.attributeTopics],
      ['commandPayloads', this.commandPayloads],
      ['commandValues', this.commandValues],
      ['commandTopics', this.commandTopics],
      ['stateMap', this.stateMap],
    ];
    for (const [key, value] of collected) if (Object.keys(value).length) entity[key] = value;
    const unmapped = Object.keys(c)
      .filter((key) => !this.used.has(key) || this.reasons.has(key))
      .map((field) => ({ field, reason: this.reasons.get(field) ?? 'Hearth has no use for it' }));
    return { entity: entity as TopicEntityInput, unmapped };
  }

  private common(): void {
    const { attributes } = this;
    for (const [attribute, key] of [
      ['unit', 'unit_of_measurement'],
      ['deviceClass', 'device_class'],
      ['stateClass', 'state_class'],
    ] as const) {
      const v = this.str(key);
      if (v) attributes[attribute] = v;
    }
    const options = this.get('options');
    if (Array.isArray(options)) attributes.options = options.map(String);
    const icon = this.str('icon');
    if (icon && /^[a-z0-9]+:[a-z0-9-]+$/.test(icon)) this.entity.icon = icon;
    if (this.get('enabled_by_default') === false) this.entity.hidden = true;
    const retain = this.get('retain');
    if (typeof retain === 'boolean') this.entity.retain = retain;
    const optimistic = this.get('optimistic');
    if (typeof optimistic === 'boolean' || optimistic === 'true' || optimistic === 'false') this.entity.optimistic = optimistic === true || optimistic === 'true';
    this.availability();
  }

  private availability(): void {
    const list = this.get('availability');
    const sources: Record<string, unknown>[] = [];
    if (Array.isArray(list)) {
      for (const item of list) {
        if (!isObject(item)) continue;
        const a = expand(item);
        if (typeof a.topic !== 'string') continue;
        if (typeof a.value_template === 'string' && !compiles(a.value_template)) {
          this.note('availability', `the template of ${a.topic} cannot be evaluated: that source is not read`);
          continue;
        }
        sources.push({
          topic: a.topic,
          ...(typeof a.value_template === 'string' && { valueTemplate: a.value_template }),
          ...(typeof a.payload_available === 'string' && { payloadAvailable: a.payload_available }),
          ...(typeof a.payload_not_available === 'string' && { payloadNotAvailable: a.payload_not_available }),
        });
      }
    }
    const topic = this.str('availability_topic');
    if (topic && (this.c.availability_template === undefined || this.template('availability_template'))) {
      const valueTemplate = this.str('availability_template');
      const [on, off] = [this.get('payload_available'), this.get('payload_not_available')];
      sources.push({
        topic,
        ...(valueTemplate && { valueTemplate }),
        ...(typeof on === 'string' && { payloadAvailable: on }),
        ...(typeof off === 'string' && { payloadNotAvailable: off }),
      });
    }
    if (sources.length) this.entity.availability = sources;
    const mode = this.get('availability_mode');
    if (mode === 'all' || mode === 'any' || mode === 'latest') this.entity.availabilityMode = mode;
  }

  private state(): void {
    const { component } = this;
    const climate = component === 'climate';
    const stateTopic = this.str(climate ? 'mode_state_topic' : 'state_topic');
    if (stateTopic) this.entity.stateTopic = stateTopic;
    const templateKey = climate ? 'mode_state_template' : component === 'light' || component === 'fan' || component === 'siren' ? 'state_value_template' : 'value_template';
    const source = this.str(templateKey) ?? (component === 'light' && this.c.schema === 'json' ? '{{ value_json.state }}' : undefined);
    if (source === undefined) return;
    try {
      compileTemplate(source);
      this.entity.valueTemplate = source;
    } catch (err) {
      if (component !== 'event') throw err;
      // Zigbee2MQTT parses its action names with regular expressions; the raw action is the event type here.
      this.entity.valueTemplate = '{{ value_json.event_type | default(value_json.action) }}';
      this.note(templateKey, `${(err as Error).message}: the event type is read from the payload's event_type, else its action`);
    }
  }

  private commands(): void {
    const { c, component } = this;
    const on = c.state_on ?? c.payload_on ?? (component === 'switch' || component === 'binary_sensor' || component === 'light' || component === 'fan' || component === 'siren' ? 'ON' : undefined);
    const off = c.state_off ?? c.payload_off ?? (on !== undefined ? 'OFF' : undefined);
    this.used.add('state_on').add('state_off');
    if (on !== undefined && component !== 'climate') this.stateMap[render(on)] = 'on';
    if (off !== undefined && component !== 'climate') this.stateMap[render(off)] = 'off';
    for (const [key, word] of STATE_WORDS) if (this.get(key) !== undefined) this.stateMap[render(c[key])] = word;

    const commandTopic = component === 'climate' ? undefined : this.str('command_topic');
    if (commandTopic) this.entity.commandTopic = commandTopic;
    // Number and select send their value through `command_template`; elsewhere it wraps the payloads.
    const wraps = component !== 'number' && component !== 'select' && component !== 'light' && component !== 'cover';
    const commandTemplate = wraps ? this.template('command_template') : undefined;
    if (wraps && this.c.command_template !== undefined && commandTemplate === undefined) throw new Refusal(`command template ${JSON.stringify(this.c.command_template)} cannot be evaluated`);
    for (const [command, key, fallback] of PAYLOAD_KEYS) {
      const payload = this.get(key);
      // HA: a payload set to null means the device has no such command.
      if (payload === null) {
        this.unsupported(command);
        continue;
      }
      if (payload === undefined && (!commandTopic || !supports(component, command))) continue;
      const word = payload === undefined ? fallback! : render(payload);
      if (commandTemplate === undefined) this.commandPayloads[command] = word;
      else {
        this.commandPayloads[command] = commandTemplate;
        this.commandValues[command] = word;
      }
    }
  }

  private unsupported(command: string): void {
    const list = (this.entity.unsupportedCommands ??= []) as string[];
    list.push(command);
  }

  private settings(): void {
    for (const [command, topicKey, templateKey] of SETTINGS[this.component] ?? []) {
      const topic = this.str(topicKey);
      if (!topic) continue;
      const template = this.template(templateKey);
      if (this.c[templateKey] !== undefined && !template) {
        this.unsupported(command);
        continue;
      }
      if (topicKey !== 'command_topic') this.commandTopics[command] = topic;
      if (template) this.commandPayloads[command] = template;
    }
  }

  private componentSpecific(): void {
    const { component, attributes } = this;
    if (component === 'climate') {
      const power = this.str('power_command_topic');
      if (power) this.commandTopics.turn_on = this.commandTopics.turn_off = power;
      const presets = this.get('preset_modes');
      if (Array.isArray(presets)) attributes.presets = presets.map(String);
      for (const [attribute, key] of [
        ['step', 'temp_step'],
        ['minTemp', 'min_temp'],
        ['maxTemp', 'max_temp'],
      ] as const) {
        const v = Number(this.get(key));
        if (this.c[key] !== undefined && Number.isFinite(v)) attributes[attribute] = v;
      }
    }
    if (component === 'number') {
      for (const key of ['min', 'max', 'step'] as const) if (typeof this.get(key) === 'number') attributes[key] = this.c[key];
      const mode = this.get('mode');
      if (mode === 'slider' || mode === 'box') attributes.mode = mode;
    }
    if (component === 'valve' && this.get('reports_position') === true) throw new Refusal('a valve that reports its position is not supported');
    if (component === 'event') {
      const types = this.get('event_types');
      if (Array.isArray(types)) attributes.eventTypes = types.map(String);
    }
    if (component === 'cover') this.cover();
    if (component === 'light') this.light();
  }

  private cover(): void {
    for (const [field, key] of [
      ['positionOpen', 'position_open'],
      ['positionClosed', 'position_closed'],
    ] as const) {
      if (typeof this.get(key) === 'number') this.entity[field] = this.c[key];
    }
    const setTopic = this.str('set_position_topic');
    if (!setTopic) return this.unsupported('set_position');
    const template = this.template('set_position_template');
    if (this.c.set_position_template !== undefined && !template) return this.unsupported('set_position');
    this.commandTopics.set_position = setTopic;
    if (template) this.commandPayloads.set_position = template;
  }

  private light(): void {
    const schema = this.get('schema') ?? 'default';
    if (schema === 'json') return this.jsonLight();
    if (schema !== 'default' && schema !== 'basic') throw new Refusal(`light schema '${String(schema)}' is not supported`);
    const scale = this.get('brightness_scale');
    this.entity.brightnessScale = typeof scale === 'number' && scale > 0 ? scale : 255;
    const topic = this.str('brightness_command_topic');
    if (topic) {
      const template = this.template('brightness_command_template');
      if (this.c.brightness_command_template !== undefined && !template) return;
      this.entity.brightnessCommandTopic = topic;
      if (template) this.commandPayloads.brightness = template;
      const onType = this.get('on_command_type');
      if (onType === 'first' || onType === 'last' || onType === 'brightness') this.entity.onCommandType = onType;
    }
  }

  private jsonLight(): void {
    const { c } = this;
    this.commandPayloads.turn_on = JSON_ON;
    this.commandPayloads.turn_off = JSON_OFF;
    const stateTopic = this.str('state_topic');
    if (this.get('brightness') === true && stateTopic) {
      const scale = this.get('brightness_scale');
      this.entity.brightnessScale = typeof scale === 'number' && scale > 0 ? scale : 255;
      this.attributeTopics.brightness = { topic: stateTopic, valueTemplate: '{{ value_json.brightness }}' };
    }
    const modes = this.get('supported_color_modes');
    if (Array.isArray(modes) && modes.includes('color_temp') && stateTopic) {
      this.attributeTopics.colorTempK = { topic: stateTopic, valueTemplate: '{% if value_json.color_temp is number %}{{ (1000000 / value_json.color_temp) | round }}{% endif %}' };
      this.note('supported_color_modes', 'Hearth lights take no colour or colour temperature command; the colour temperature is read into colorTempK');
    }
    for (const key of ['min_mireds', 'max_mireds']) if (c[key] !== undefined) this.note(key, 'Hearth lights take no colour temperature command');
  }
}

/** Each HA component's commands that are sent with their default payload when the config names none. */
function supports(component: Component, command: string): boolean {
  const defaults: Partial<Record<Component, readonly string[]>> = {
    switch: ['turn_on', 'turn_off'],
    light: ['turn_on', 'turn_off'],
    fan: ['turn_on', 'turn_off'],
    siren: ['turn_on', 'turn_off'],
    cover: ['open', 'close', 'stop'],
    valve: ['open', 'close', 'stop'],
    lock: ['lock', 'unlock'],
    button: ['press'],
    alarm_control_panel: ['arm_home', 'arm_away', 'arm_night', 'disarm', 'trigger'],
  };
  return defaults[component]?.includes(command) ?? false;
}

/** HA's naming: the device's name, then the entity's (or its device class), `null` meaning the device alone. */
function nameOf(c: Record<string, unknown>, device: Record<string, unknown>): string | undefined {
  const own = typeof c.name === 'string' && c.name !== '' ? c.name : c.name === null ? undefined : typeof c.device_class === 'string' ? capitalise(c.device_class) : undefined;
  const deviceName = typeof device.name === 'string' && device.name !== '' ? device.name : undefined;
  const name = [deviceName, own].filter(Boolean).join(' ');
  return name || undefined;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).replace(/_/g, ' ');
}

/** Expands abbreviated keys and the `~` base topic. */
function expand(config: Record<string, unknown>): Record<string, unknown> {
  const base = typeof config['~'] === 'string' ? config['~'] : undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    const full = ABBREVIATIONS[key] ?? key;
    const topical = full.endsWith('_topic') || full === 'topic';
    out[full] = base && typeof value === 'string' && topical ? value.replace(/^~|~$/, base) : value;
  }
  if (base && Array.isArray(out.availability)) out.availability = out.availability.map((a: unknown) => (isObject(a) ? expand({ ...a, '~': base }) : a));
  return out;
}

function compiles(source: string): boolean {
  try {
    compileTemplate(source);
    return true;
  } catch {
    return false;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'unnamed';
}

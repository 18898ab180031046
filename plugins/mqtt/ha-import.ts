import type { TopicEntityInput } from './config.js';

/** The abbreviations Home Assistant discovery allows, for the keys we read. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  stat_t: 'state_topic',
  cmd_t: 'command_topic',
  val_tpl: 'value_template',
  stat_val_tpl: 'state_value_template',
  pl_on: 'payload_on',
  pl_off: 'payload_off',
  stat_on: 'state_on',
  stat_off: 'state_off',
  pl_open: 'payload_open',
  pl_cls: 'payload_close',
  pl_stop: 'payload_stop',
  unit_of_meas: 'unit_of_measurement',
  dev_cla: 'device_class',
  stat_cla: 'state_class',
  uniq_id: 'unique_id',
  obj_id: 'object_id',
  avty_t: 'availability_topic',
  pl_avail: 'payload_available',
  pl_not_avail: 'payload_not_available',
  dev: 'device',
  mf: 'manufacturer',
  pos_t: 'position_topic',
  set_pos_t: 'set_position_topic',
  cmd_tpl: 'command_template',
  ops: 'options',
  stat_open: 'state_open',
  stat_opening: 'state_opening',
  stat_clsd: 'state_closed',
  stat_closing: 'state_closing',
  pos: 'reports_position',
  pl_lock: 'payload_lock',
  pl_unlk: 'payload_unlock',
  stat_locked: 'state_locked',
  stat_unlocked: 'state_unlocked',
  stat_locking: 'state_locking',
  stat_unlocking: 'state_unlocking',
  stat_jam: 'state_jammed',
  pl_prs: 'payload_press',
  pl_arm_home: 'payload_arm_home',
  pl_arm_away: 'payload_arm_away',
  pl_arm_nite: 'payload_arm_night',
  pl_disarm: 'payload_disarm',
  pl_trig: 'payload_trigger',
  pct_cmd_t: 'percentage_command_topic',
  pct_cmd_tpl: 'percentage_command_template',
  pct_stat_t: 'percentage_state_topic',
  pct_val_tpl: 'percentage_value_template',
  mode_cmd_t: 'mode_command_topic',
  mode_cmd_tpl: 'mode_command_template',
  mode_stat_t: 'mode_state_topic',
  mode_stat_tpl: 'mode_state_template',
  temp_cmd_t: 'temperature_command_topic',
  temp_cmd_tpl: 'temperature_command_template',
  temp_stat_t: 'temperature_state_topic',
  temp_stat_tpl: 'temperature_state_template',
  curr_temp_t: 'current_temperature_topic',
  curr_temp_tpl: 'current_temperature_template',
  act_t: 'action_topic',
  act_tpl: 'action_template',
  pr_mode_cmd_t: 'preset_mode_command_topic',
  pr_mode_cmd_tpl: 'preset_mode_command_template',
  pr_mode_stat_t: 'preset_mode_state_topic',
  pr_mode_val_tpl: 'preset_mode_value_template',
  pr_modes: 'preset_modes',
  pow_cmd_t: 'power_command_topic',
};

const DOMAINS = ['sensor', 'binary_sensor', 'switch', 'light', 'cover', 'climate', 'lock', 'valve', 'fan', 'siren', 'button', 'number', 'select', 'alarm_control_panel'] as const;
const isImported = (component: string): component is (typeof DOMAINS)[number] => (DOMAINS as readonly string[]).includes(component);

/** Device payload → Hearth state, for the state words HA lets a device rename. */
const STATE_WORDS: readonly [string, string][] = [
  ['state_open', 'open'],
  ['state_opening', 'opening'],
  ['state_closed', 'closed'],
  ['state_closing', 'closing'],
  ['state_locked', 'locked'],
  ['state_unlocked', 'unlocked'],
  ['state_locking', 'locking'],
  ['state_unlocking', 'unlocking'],
  ['state_jammed', 'jammed'],
];

/** Hearth command ← the HA payload key that names what the device expects for it. */
const PAYLOAD_KEYS: readonly [string, string][] = [
  ['turn_on', 'payload_on'],
  ['turn_off', 'payload_off'],
  ['open', 'payload_open'],
  ['close', 'payload_close'],
  ['stop', 'payload_stop'],
  ['lock', 'payload_lock'],
  ['unlock', 'payload_unlock'],
  ['press', 'payload_press'],
  ['arm_home', 'payload_arm_home'],
  ['arm_away', 'payload_arm_away'],
  ['arm_night', 'payload_arm_night'],
  ['disarm', 'payload_disarm'],
  ['trigger', 'payload_trigger'],
];

/** Hearth command ← [HA command topic key, its template key, the param HA's `value` stands for]. */
const SETTINGS: Readonly<Record<string, readonly [string, string, string, string][]>> = {
  number: [['set_value', 'command_topic', 'command_template', 'value']],
  select: [['select_option', 'command_topic', 'command_template', 'option']],
  fan: [['set_percentage', 'percentage_command_topic', 'percentage_command_template', 'percentage']],
  climate: [
    ['set_hvac_mode', 'mode_command_topic', 'mode_command_template', 'mode'],
    ['set_temperature', 'temperature_command_topic', 'temperature_command_template', 'temperature'],
    ['set_preset', 'preset_mode_command_topic', 'preset_mode_command_template', 'preset'],
  ],
};

/** Attribute ← [HA state topic key, its template key], read when the topic is the entity's state topic. */
const ATTRIBUTE_TEMPLATES: Readonly<Record<string, readonly [string, string, string][]>> = {
  fan: [['percentage', 'percentage_state_topic', 'percentage_value_template']],
  climate: [
    ['targetTemperature', 'temperature_state_topic', 'temperature_state_template'],
    ['currentTemperature', 'current_temperature_topic', 'current_temperature_template'],
    ['hvacAction', 'action_topic', 'action_template'],
    ['preset', 'preset_mode_state_topic', 'preset_mode_value_template'],
  ],
};

export type Imported = { ok: true; entity: TopicEntityInput } | { ok: false; reason: string };

/**
 * Turns another system's discovery config into a topic entity. Only what a plain
 * topic mapping can express is imported; anything else is skipped with a reason.
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
  if (!raw || typeof raw !== 'object') return { ok: false, reason: 'payload is not an object' };
  const c = expand(raw as Record<string, unknown>);
  const device = expand((c.device as Record<string, unknown> | undefined) ?? {});
  // Hearth's own announcements are mirrored by federation; importing them would echo.
  if (device.manufacturer === 'Hearth' || String(c.unique_id ?? '').startsWith('hearth_')) return { ok: false, reason: 'announced by a Hearth hub' };
  if (c.schema !== undefined && c.schema !== 'default' && c.schema !== 'basic') return { ok: false, reason: `light schema '${String(c.schema)}' is not supported` };
  if (component === 'valve' && c.reports_position === true) return { ok: false, reason: 'a valve that reports its position is not supported' };
  const climate = component === 'climate';
  const stateTopic = (climate ? c.mode_state_topic : c.state_topic) as string | undefined;
  const template = (climate ? c.mode_state_template : (c.value_template ?? c.state_value_template)) as string | undefined;
  const statePath = template === undefined ? undefined : pathOfTemplate(template);
  if (statePath === null) return { ok: false, reason: `value template ${JSON.stringify(template)} is not a plain value_json path` };
  const objectId = slug(String(c.unique_id ?? c.object_id ?? parts.slice(1, -1).join('_')));
  const stateMap: Record<string, string> = {};
  const on = c.state_on ?? c.payload_on;
  const off = c.state_off ?? c.payload_off;
  if (on !== undefined && !climate) stateMap[String(on)] = 'on';
  if (off !== undefined && !climate) stateMap[String(off)] = 'off';
  for (const [key, word] of STATE_WORDS) if (c[key] !== undefined) stateMap[String(c[key])] = word;

  const commandPayloads: Record<string, string> = {};
  const commandTopics: Record<string, string> = {};
  // Number and select send their value through `command_template`; elsewhere it wraps the payloads.
  const commandTemplate = typeof c.command_template === 'string' && component !== 'number' && component !== 'select' ? c.command_template : undefined;
  for (const [command, key] of PAYLOAD_KEYS) {
    if (c[key] === undefined || c[key] === null) continue;
    // HA renders the command template with `value` = the payload (an alarm panel: `action`, and the `code`).
    const payload = commandTemplate === undefined ? String(c[key]) : substitute(commandTemplate, { value: String(c[key]), action: String(c[key]), code: '{{code}}' });
    if (payload === undefined) return { ok: false, reason: `command template ${JSON.stringify(commandTemplate)} is not a plain substitution` };
    commandPayloads[command] = payload;
  }
  if (climate && typeof c.power_command_topic === 'string') {
    commandTopics.turn_on = commandTopics.turn_off = c.power_command_topic;
  }
  for (const [command, topicKey, templateKey, param] of SETTINGS[component] ?? []) {
    if (typeof c[topicKey] !== 'string') continue;
    if (topicKey !== 'command_topic') commandTopics[command] = c[topicKey];
    if (typeof c[templateKey] !== 'string') continue;
    const payload = substitute(c[templateKey], { value: `{{${param}}}` });
    if (payload === undefined) return { ok: false, reason: `command template ${JSON.stringify(c[templateKey])} is not a plain substitution` };
    commandPayloads[command] = payload;
  }
  const attributePaths: Record<string, string> = {};
  for (const [name, topicKey, templateKey] of ATTRIBUTE_TEMPLATES[component] ?? []) {
    const path = c[topicKey] === stateTopic && typeof c[templateKey] === 'string' ? pathOfTemplate(c[templateKey]) : null;
    if (typeof path === 'string') attributePaths[name] = path;
  }
  const attributes = Object.fromEntries(
    [
      ['unit', c.unit_of_measurement],
      ['deviceClass', c.device_class],
      ['stateClass', c.state_class],
      ['options', Array.isArray(c.options) ? c.options.map(String) : undefined],
      ['presets', Array.isArray(c.preset_modes) ? c.preset_modes.map(String) : undefined],
      ['min', component === 'number' ? c.min : undefined],
      ['max', component === 'number' ? c.max : undefined],
      ['step', component === 'number' ? c.step : c.temp_step],
      ['mode', c.mode === 'slider' || c.mode === 'box' ? c.mode : undefined],
      ['minTemp', c.min_temp],
      ['maxTemp', c.max_temp],
    ].filter(([, v]) => typeof v === 'string' || typeof v === 'number' || Array.isArray(v)),
  );
  const commandTopic = climate ? undefined : c.command_topic;
  return {
    ok: true,
    entity: {
      id: `${component}.${objectId}`,
      ...(typeof c.name === 'string' && c.name !== '' && { name: c.name }),
      ...(typeof stateTopic === 'string' && { stateTopic }),
      ...(statePath !== undefined && { statePath }),
      ...(Object.keys(stateMap).length && { stateMap }),
      ...(Object.keys(attributePaths).length && { attributePaths }),
      ...(typeof commandTopic === 'string' && { commandTopic }),
      ...(Object.keys(commandTopics).length && { commandTopics }),
      ...(Object.keys(commandPayloads).length && { commandPayloads }),
      ...(typeof c.availability_topic === 'string' && { availabilityTopic: c.availability_topic }),
      ...(typeof c.payload_available === 'string' && { payloadAvailable: c.payload_available }),
      ...(typeof c.payload_not_available === 'string' && { payloadNotAvailable: c.payload_not_available }),
      ...(Object.keys(attributes).length && { attributes }),
    },
  };
}

/**
 * An HA command template as a Hearth payload template: each `{{ name }}` replaced by
 * `replacements[name]` (a literal, or `{{param}}` for the command's param). Anything
 * else Jinja can do — filters, `{% %}` — has no Hearth equivalent: undefined.
 */
export function substitute(template: string, replacements: Readonly<Record<string, string>>): string | undefined {
  const VARIABLE = /\{\{\s*(\w+)\s*\}\}/g;
  if (/\{\{|\{%/.test(template.replace(VARIABLE, ''))) return undefined;
  const names = [...template.matchAll(VARIABLE)].map((m) => m[1]!);
  if (!names.every((name) => Object.hasOwn(replacements, name))) return undefined;
  return template.replace(VARIABLE, (_, name: string) => replacements[name]!);
}

/** Expands abbreviated keys and the `~` base topic. */
function expand(config: Record<string, unknown>): Record<string, unknown> {
  const base = typeof config['~'] === 'string' ? config['~'] : undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    const full = ABBREVIATIONS[key] ?? key;
    out[full] = base && typeof value === 'string' && full.endsWith('_topic') ? value.replace(/^~|~$/, base) : value;
  }
  return out;
}

/** `{{ value_json.a.b }}` → `a.b`; `{{ value }}` → undefined (whole payload); anything else → null. */
export function pathOfTemplate(template: string): string | undefined | null {
  const m = /^\{\{\s*(value_json((?:\.\w+|\[(?:'[^']+'|"[^"]+"|\d+)\])*)|value)\s*\}\}$/.exec(template.trim());
  if (!m) return null;
  if (m[1] === 'value') return undefined;
  return m[2]!.replace(/\[['"]?([^'"\]]+)['"]?\]/g, '.$1').replace(/^\./, '');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'unnamed';
}

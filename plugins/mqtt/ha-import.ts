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
};

const DOMAINS = new Set(['sensor', 'binary_sensor', 'switch', 'light', 'cover']);

export type Imported = { ok: true; entity: TopicEntityInput } | { ok: false; reason: string };

/**
 * Turns another system's discovery config into a topic entity. Only what a plain
 * topic mapping can express is imported; anything else is skipped with a reason.
 */
export function importDiscovery(topic: string, payload: string, prefix: string): Imported {
  const parts = topic.slice(prefix.length + 1).split('/');
  const component = parts[0]!;
  if (!DOMAINS.has(component)) return { ok: false, reason: `component '${component}' is not supported` };
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
  const template = (c.value_template ?? c.state_value_template) as string | undefined;
  const statePath = template === undefined ? undefined : pathOfTemplate(template);
  if (statePath === null) return { ok: false, reason: `value template ${JSON.stringify(template)} is not a plain value_json path` };
  const objectId = slug(String(c.unique_id ?? c.object_id ?? parts.slice(1, -1).join('_')));
  const stateMap: Record<string, string> = {};
  const on = c.state_on ?? c.payload_on;
  const off = c.state_off ?? c.payload_off;
  if (on !== undefined) stateMap[String(on)] = 'on';
  if (off !== undefined) stateMap[String(off)] = 'off';
  const commandPayloads: Record<string, string> = {};
  if (c.payload_on !== undefined) commandPayloads.turn_on = String(c.payload_on);
  if (c.payload_off !== undefined) commandPayloads.turn_off = String(c.payload_off);
  if (c.payload_open !== undefined) commandPayloads.open = String(c.payload_open);
  if (c.payload_close !== undefined) commandPayloads.close = String(c.payload_close);
  if (c.payload_stop !== undefined) commandPayloads.stop = String(c.payload_stop);
  const attributes = Object.fromEntries(
    [
      ['unit', c.unit_of_measurement],
      ['deviceClass', c.device_class],
      ['stateClass', c.state_class],
    ].filter(([, v]) => typeof v === 'string'),
  );
  return {
    ok: true,
    entity: {
      id: `${component}.${objectId}`,
      ...(typeof c.name === 'string' && c.name !== '' && { name: c.name }),
      ...(typeof c.state_topic === 'string' && { stateTopic: c.state_topic }),
      ...(statePath !== undefined && { statePath }),
      ...(Object.keys(stateMap).length && { stateMap }),
      ...(typeof c.command_topic === 'string' && { commandTopic: c.command_topic }),
      ...(Object.keys(commandPayloads).length && { commandPayloads }),
      ...(typeof c.availability_topic === 'string' && { availabilityTopic: c.availability_topic }),
      ...(typeof c.payload_available === 'string' && { payloadAvailable: c.payload_available }),
      ...(typeof c.payload_not_available === 'string' && { payloadNotAvailable: c.payload_not_available }),
      ...(Object.keys(attributes).length && { attributes }),
    },
  };
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

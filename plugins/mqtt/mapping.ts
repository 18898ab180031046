import type { CommandName, CommandParamsOf, Domain, StateValue } from '../../core/plugin-api.js';
import type { TopicEntity } from './config.js';

/** Walks `a.b[0].c` (an optional leading `$.` is ignored) through a parsed JSON value. */
export function readPath(value: unknown, path: string): unknown {
  const steps = path.replace(/^\$\.?/, '').match(/[^.[\]]+/g) ?? [];
  let at = value;
  for (const step of steps) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}

/** The raw value of a payload: the JSON value at `path`, else the payload itself (a number when it is one). */
export function extract(payload: string, path: string | undefined): unknown {
  if (path !== undefined) {
    try {
      return readPath(JSON.parse(payload), path);
    } catch {
      return undefined;
    }
  }
  const trimmed = payload.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

const ON = new Set(['on', 'true', '1', 'yes', 'open']);
const OFF = new Set(['off', 'false', '0', 'no', 'closed', 'close']);
const MOTION = new Set(['open', 'opening', 'closed', 'closing']);

/** What a raw value may mean beyond the domain: an enum sensor reads text, not numbers. */
export interface StateShape {
  /** The entity is an enum sensor (`deviceClass: enum`). */
  textual?: boolean;
}

/**
 * A raw value as the domain's state, or undefined when it means nothing to that domain.
 * Words of a fixed set (lock, climate, alarm, weather) are lower-cased and left to the
 * kernel, which holds every state to its domain; option names keep their case.
 */
export function toState(domain: Domain, raw: unknown, map?: Readonly<Record<string, string | number>>, shape: StateShape = {}): StateValue | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  const mapped = map && Object.hasOwn(map, String(raw)) ? map[String(raw)] : raw;
  const word = String(mapped).toLowerCase();
  switch (domain) {
    case 'sensor':
      return shape.textual ? text(mapped) : numeric(mapped);
    case 'number':
      return numeric(mapped);
    case 'cover':
    case 'valve':
      return MOTION.has(word) ? (word as StateValue) : undefined;
    case 'select':
    case 'button':
      return text(mapped);
    case 'climate':
    case 'lock':
    case 'alarm_control_panel':
    case 'weather':
      return typeof mapped === 'string' && word.trim() !== '' ? (word.trim() as StateValue) : undefined;
    default:
      return ON.has(word) ? 'on' : OFF.has(word) ? 'off' : undefined;
  }
}

/** Option names: text as it is, a number as its digits. */
function text(value: unknown): string | undefined {
  const t = typeof value === 'number' ? String(value) : value;
  return typeof t === 'string' && t.trim() !== '' ? t.trim() : undefined;
}

function numeric(value: unknown): number | undefined {
  if (typeof value === 'boolean' || String(value).trim() === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** What a device expects when the entity has no template: Home Assistant's defaults, and the bare value for a setting. */
const DEFAULT_PAYLOADS: Readonly<Record<string, string>> = {
  turn_on: 'ON',
  turn_off: 'OFF',
  open: 'OPEN',
  close: 'CLOSE',
  stop: 'STOP',
  set_position: '{{position}}',
  lock: 'LOCK',
  unlock: 'UNLOCK',
  press: 'PRESS',
  set_value: '{{value}}',
  select_option: '{{option}}',
  set_percentage: '{{percentage}}',
  set_hvac_mode: '{{mode}}',
  set_temperature: '{{temperature}}',
  set_preset: '{{preset}}',
  arm_home: 'ARM_HOME',
  arm_away: 'ARM_AWAY',
  arm_night: 'ARM_NIGHT',
  disarm: 'DISARM',
  trigger: 'TRIGGER',
};

/** The payload a command sends, from the entity's template (or the common default) and the command's params. */
export function commandPayload(entity: Pick<TopicEntity, 'commandPayloads'>, command: string, params: Readonly<Record<string, unknown>>): string | undefined {
  const template = entity.commandPayloads?.[command] ?? DEFAULT_PAYLOADS[command];
  if (template === undefined) return undefined;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (params[name] === undefined ? '' : String(params[name])));
}

export interface Optimistic {
  state?: StateValue;
  attributes?: Record<string, unknown>;
}

type Effect<D extends Domain, C extends CommandName<D>> = (params: Readonly<CommandParamsOf<D, C>>, now: Date) => Optimistic | undefined;

/** Per domain and command, typed by the SDK, so each effect reads its own command's params; a missing one changes nothing. */
type Effects = { readonly [D in Domain]?: { readonly [C in CommandName<D>]?: Effect<D, C> } };

const to = (state: StateValue) => (): Optimistic => ({ state });

const EFFECTS: Effects = {
  switch: { turn_on: to('on'), turn_off: to('off') },
  light: { turn_on: (p) => ({ state: 'on', attributes: defined({ brightness: p.brightness }) }), turn_off: to('off') },
  cover: { open: to('open'), close: to('closed'), set_position: (p) => ({ state: p.position === 0 ? 'closed' : 'open', attributes: { position: p.position } }) },
  valve: { open: to('open'), close: to('closed'), set_position: (p) => ({ state: p.position === 0 ? 'closed' : 'open', attributes: { position: p.position } }) },
  // No turn_on: the climate goes back to a mode the device picks.
  climate: {
    turn_off: to('off'),
    set_hvac_mode: (p) => ({ state: p.mode }),
    set_temperature: (p) => ({ attributes: { targetTemperature: p.temperature } }),
    set_preset: (p) => ({ attributes: { preset: p.preset } }),
  },
  lock: { lock: to('locked'), unlock: to('unlocked'), open: to('unlocked') },
  fan: {
    turn_on: (p) => ({ state: 'on', attributes: defined({ percentage: p.percentage }) }),
    turn_off: to('off'),
    set_percentage: (p) => ({ state: p.percentage === 0 ? 'off' : 'on', attributes: { percentage: p.percentage } }),
  },
  siren: { turn_on: to('on'), turn_off: to('off') },
  button: { press: (_, now) => ({ state: now.toISOString() }) },
  number: { set_value: (p) => ({ state: p.value }) },
  select: { select_option: (p) => ({ state: p.option }) },
  alarm_control_panel: { arm_home: to('armed_home'), arm_away: to('armed_away'), arm_night: to('armed_night'), disarm: to('disarmed'), trigger: to('triggered') },
};

/**
 * What a command leads to, for optimistic entities (no state topic to confirm it):
 * the state it asks for and the attributes it sets. `now` is the press time of a button.
 */
export function optimisticUpdate<D extends Domain, C extends CommandName<D>>(domain: D, command: C, params: Readonly<CommandParamsOf<D, C>>, now: Date): Optimistic | undefined {
  const effect: Effect<D, C> | undefined = EFFECTS[domain]?.[command];
  return effect?.(params, now);
}

function defined(values: Record<string, unknown>): Record<string, unknown> | undefined {
  const kept = Object.entries(values).filter(([, v]) => v !== undefined);
  return kept.length ? Object.fromEntries(kept) : undefined;
}

import type { CommandName, CommandParamsOf, Domain, StateValue } from '../../core/plugin-api.js';
import type { TopicEntity } from './config.js';
import { compileTemplate, type Template } from './template.js';

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
const STOPPED = new Set(['stop', 'stopped']);

/** What a raw value may mean beyond the domain: an enum sensor reads text, not numbers. */
export interface StateShape {
  /** The entity is an enum sensor (`deviceClass: enum`). */
  textual?: boolean;
  /** A cover's or valve's last position (0–100): a stopped one is closed at 0, open elsewhere. */
  position?: number;
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
      if (STOPPED.has(word)) return shape.position === 0 ? 'closed' : 'open';
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
  brightness: '{{value}}',
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

/** The param a command template's `value` stands for (`brightness` is a light's brightness-only command). */
const MAIN_PARAM: Readonly<Record<string, string>> = {
  brightness: 'brightness',
  set_position: 'position',
  set_value: 'value',
  select_option: 'option',
  set_percentage: 'percentage',
  set_hvac_mode: 'mode',
  set_temperature: 'temperature',
  set_preset: 'preset',
};

type Scales = Pick<TopicEntity, 'brightnessScale' | 'positionOpen' | 'positionClosed'>;

/** Hearth's 0–100 brightness or position on the device's own scale. */
export function toDevice(entity: Partial<Scales>, name: 'brightness' | 'position', percent: number): number {
  if (name === 'brightness') return Math.round((percent * (entity.brightnessScale ?? 100)) / 100);
  const [closed, open] = [entity.positionClosed ?? 0, entity.positionOpen ?? 100];
  return Math.round(closed + ((open - closed) * percent) / 100);
}

/** A device's brightness or position as Hearth's 0–100; undefined when outside the device's range (a Shelly's -1: not calibrated). */
export function fromDevice(entity: Partial<Scales>, name: 'brightness' | 'position', raw: unknown): number | undefined {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(n)) return undefined;
  const [low, high] = name === 'brightness' ? [0, entity.brightnessScale ?? 100] : [entity.positionClosed ?? 0, entity.positionOpen ?? 100];
  const percent = ((n - low) * 100) / (high - low);
  return percent >= 0 && percent <= 100 ? Math.round(percent * 100) / 100 : undefined;
}

export type CommandRenderer = (command: string, params: Readonly<Record<string, unknown>>) => string | undefined;

/**
 * What a command publishes: the entity's template for it (or the common default) rendered with
 * the command's params on the device's scales. Templates are compiled once, on first use.
 */
export function commandRenderer(entity: Partial<Pick<TopicEntity, 'commandPayloads' | 'commandValues'> & Scales>): CommandRenderer {
  const compiled = new Map<string, Template>();
  return (command, params) => {
    const source = entity.commandPayloads?.[command] ?? DEFAULT_PAYLOADS[command];
    if (source === undefined) return undefined;
    let template = compiled.get(command);
    if (!template) compiled.set(command, (template = compileTemplate(source)));
    const vars: Record<string, unknown> = { ...params };
    if (typeof params.brightness === 'number') vars.brightness = toDevice(entity, 'brightness', params.brightness);
    if (typeof params.position === 'number') vars.position = toDevice(entity, 'position', params.position);
    if (typeof params.transitionMs === 'number') vars.transition = params.transitionMs / 1000;
    const main = MAIN_PARAM[command];
    vars.value = entity.commandValues?.[command] ?? (main === undefined ? undefined : vars[main]);
    // An alarm panel's template names the word it sends `action`.
    vars.action = vars.value;
    return template.render(vars);
  };
}

/** The payload a command sends, from the entity's template (or the common default) and the command's params. */
export function commandPayload(entity: Parameters<typeof commandRenderer>[0], command: string, params: Readonly<Record<string, unknown>>): string | undefined {
  return commandRenderer(entity)(command, params);
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

import { z } from 'zod';

/** The entity domains of DESIGN §2 and the commands each one accepts. */
export const DOMAINS = [
  'binary_sensor',
  'sensor',
  'switch',
  'light',
  'cover',
  'climate',
  'lock',
  'valve',
  'fan',
  'siren',
  'button',
  'number',
  'select',
  'alarm_control_panel',
  'weather',
  'schedule',
] as const;
export type Domain = (typeof DOMAINS)[number];

export const ENTITY_ID_PATTERN = new RegExp(`^(${DOMAINS.join('|')})\\.[a-z0-9_]+$`);

const none = z.strictObject({});
const percent = z.number().min(0).max(100);
const code = z.string().min(1).max(64);
/** `bypass`: zones left out of this arming (only those the panel lets be bypassed). */
const arm = z.strictObject({ code: code.optional(), bypass: z.array(z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, 'an entity id')).max(100).optional() });

export const HVAC_MODES = ['off', 'heat', 'cool', 'auto'] as const;
export const LOCK_STATES = ['locked', 'unlocked', 'locking', 'unlocking', 'jammed'] as const;
export const MOTION_STATES = ['open', 'opening', 'closed', 'closing'] as const;
export const ALARM_STATES = ['disarmed', 'arming', 'armed_home', 'armed_away', 'armed_night', 'pending', 'triggered'] as const;
export const WEATHER_CONDITIONS = [
  'clear-night',
  'cloudy',
  'fog',
  'hail',
  'lightning',
  'partlycloudy',
  'pouring',
  'rainy',
  'snowy',
  'sunny',
  'windy',
  'exceptional',
] as const;

export const COMMAND_PARAMS = {
  binary_sensor: {},
  sensor: {},
  switch: { turn_on: none, turn_off: none, toggle: none },
  light: {
    turn_on: z.strictObject({
      brightness: percent.optional(),
      transitionMs: z.number().int().min(0).max(3_600_000).optional(),
    }),
    turn_off: z.strictObject({ transitionMs: z.number().int().min(0).max(3_600_000).optional() }),
    toggle: none,
  },
  cover: {
    open: none,
    close: none,
    stop: none,
    set_position: z.strictObject({ position: percent }),
  },
  climate: {
    set_hvac_mode: z.strictObject({ mode: z.enum(HVAC_MODES) }),
    set_temperature: z.strictObject({ temperature: z.number().min(-50).max(100) }),
    set_preset: z.strictObject({ preset: z.string().regex(/^[a-z0-9_]+$/).max(32) }),
    turn_on: none,
    turn_off: none,
  },
  lock: { lock: none, unlock: none, open: none },
  valve: {
    open: none,
    close: none,
    stop: none,
    set_position: z.strictObject({ position: percent }),
  },
  fan: {
    turn_on: z.strictObject({ percentage: percent.optional() }),
    turn_off: none,
    toggle: none,
    set_percentage: z.strictObject({ percentage: percent }),
  },
  siren: {
    turn_on: z.strictObject({ durationS: z.number().int().min(1).max(3600).optional() }),
    turn_off: none,
    toggle: none,
  },
  button: { press: none },
  number: { set_value: z.strictObject({ value: z.number().finite() }) },
  select: { select_option: z.strictObject({ option: z.string().min(1).max(200) }) },
  alarm_control_panel: {
    arm_home: arm,
    arm_away: arm,
    arm_night: arm,
    disarm: z.strictObject({ code }),
    trigger: none,
  },
  weather: {},
  schedule: {},
} as const satisfies Record<Domain, Record<string, z.ZodType>>;

type Params = typeof COMMAND_PARAMS;
export type CommandName<D extends Domain = Domain> = D extends Domain ? keyof Params[D] & string : never;
export type CommandParams<D extends Domain, C extends CommandName<D>> = z.infer<
  Params[D][C & keyof Params[D]] extends z.ZodType ? Params[D][C & keyof Params[D]] : never
>;

/** The value of `state` per domain; `null` while unknown. */
export interface DomainStates {
  binary_sensor: 'on' | 'off';
  /** A number, or one of `options` for an enum sensor (`deviceClass: enum`). */
  sensor: number | string;
  switch: 'on' | 'off';
  light: 'on' | 'off';
  cover: (typeof MOTION_STATES)[number];
  climate: (typeof HVAC_MODES)[number];
  lock: (typeof LOCK_STATES)[number];
  valve: (typeof MOTION_STATES)[number];
  fan: 'on' | 'off';
  siren: 'on' | 'off';
  /** ISO time of the last press. */
  button: string;
  number: number;
  /** One of the entity's `options`. */
  select: string;
  alarm_control_panel: (typeof ALARM_STATES)[number];
  weather: (typeof WEATHER_CONDITIONS)[number];
  schedule: 'on' | 'off';
}
export type StateValue = DomainStates[Domain];

const onOff = z.enum(['on', 'off']);
const label = z.string().min(1).max(255);

const STATE_SCHEMAS: Record<Domain, z.ZodType> = {
  binary_sensor: onOff,
  sensor: z.union([z.number().finite(), label]),
  switch: onOff,
  light: onOff,
  cover: z.enum(MOTION_STATES),
  climate: z.enum(HVAC_MODES),
  lock: z.enum(LOCK_STATES),
  valve: z.enum(MOTION_STATES),
  fan: onOff,
  siren: onOff,
  button: z.iso.datetime({ offset: true }),
  number: z.number().finite(),
  select: label,
  alarm_control_panel: z.enum(ALARM_STATES),
  weather: z.enum(WEATHER_CONDITIONS),
  schedule: onOff,
};

export function domainOf(entityId: string): Domain {
  return entityId.slice(0, entityId.indexOf('.')) as Domain;
}

export function isEntityId(id: string): boolean {
  return ENTITY_ID_PATTERN.test(id);
}

/**
 * Whether `state` fits the domain. Entities whose valid states are listed in their
 * attributes (an enum sensor's or a select's `options`) are held to that list.
 */
export function isValidState(domain: Domain, state: unknown, attributes?: Readonly<Record<string, unknown>>): boolean {
  if (state === null) return true;
  if (!STATE_SCHEMAS[domain].safeParse(state).success) return false;
  const options = attributes?.options;
  if (domain === 'select') return !Array.isArray(options) || options.includes(state);
  if (domain !== 'sensor') return true;
  if (attributes?.deviceClass !== 'enum' && !Array.isArray(options)) return typeof state === 'number';
  // An enum sensor says one of its options, and nothing while it has none.
  return Array.isArray(options) && options.includes(state);
}

export function commandsOf(domain: Domain): string[] {
  return Object.keys(COMMAND_PARAMS[domain]);
}

const bound = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function outOfRange(what: string, value: unknown, min: unknown, max: unknown): string | undefined {
  const lo = bound(min);
  const hi = bound(max);
  if (typeof value !== 'number' || ((lo === undefined || value >= lo) && (hi === undefined || value <= hi))) return undefined;
  return `${what} ${value} is outside ${lo ?? '-∞'}…${hi ?? '∞'}`;
}

function notListed(what: string, value: unknown, list: unknown): string | undefined {
  if (!Array.isArray(list) || list.includes(value)) return undefined;
  return `${what} '${String(value)}' is not one of ${list.join(', ')}`;
}

/**
 * What the entity's own attributes forbid in params that fit the domain: a number's
 * value outside min…max, a select's option not in its options, a thermostat's setpoint
 * outside minTemp…maxTemp or a preset it does not have. Undefined when all is well.
 */
export function paramsBeyondEntity(domain: Domain, command: string, params: Readonly<Record<string, unknown>>, attributes: Readonly<Record<string, unknown>>): string | undefined {
  switch (`${domain}.${command}`) {
    case 'number.set_value':
      return outOfRange('value', params.value, attributes.min, attributes.max);
    case 'select.select_option':
      return notListed('option', params.option, attributes.options);
    case 'climate.set_temperature':
      return outOfRange('temperature', params.temperature, attributes.minTemp, attributes.maxTemp);
    case 'climate.set_preset':
      return notListed('preset', params.preset, attributes.presets);
    default:
      return undefined;
  }
}

/** Why `command` is no command of `domain` (for the dispatcher and config checks alike). */
export function unknownCommandMessage(domain: Domain, command: string): string {
  const known = commandsOf(domain);
  return known.length ? `unknown command '${command}' for ${domain}; expected one of ${known.join(', ')}` : `${domain} entities take no commands`;
}

export function commandSchema(domain: Domain, command: string): z.ZodType | undefined {
  const table: Record<string, z.ZodType> = COMMAND_PARAMS[domain];
  return Object.hasOwn(table, command) ? table[command] : undefined;
}

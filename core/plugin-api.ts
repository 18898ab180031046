/**
 * The public plugin API (DESIGN §3): everything a plugin — built-in or third-party —
 * may import from Hearth. A plugin gets nothing else.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { DeclaredInput, DeclaredOutput, Gpio, HardwareBackend, I2cBus, OneWire, Pwm, Serial, SimBoard } from '../hardware/index.js';
import type { AlertRaise } from './alerts/types.js';
import type { Context } from './kernel/context.js';
import type { CommandName, CommandParams, Domain, StateValue } from './kernel/domains.js';
import type { Attributes, EntityState, RecorderHints, Role } from './kernel/entity.js';
import { ROLES } from './kernel/roles.js';
import type { ConfigSchema } from './plugins/config-schema.js';
import type { JsonSchema } from './plugins/info.js';

export type { Context } from './kernel/context.js';
export type { AlertRaise, Severity } from './alerts/types.js';
export type { Attributes, EntityState, RecorderHints, Role } from './kernel/entity.js';
export type { CommandName, CommandParams, Domain, DomainStates, StateValue } from './kernel/domains.js';
export type { ConfigSchema, ConfigSchemaIssue, ConfigSchemaResult } from './plugins/config-schema.js';
export { entityIdSchema } from './plugins/entity-id.js';
export type { Bias, DeclaredInput, DeclaredOutput, Gpio, GpioLine, GpioOpenOptions, I2cBus, Level, LineSpec, OneWire, Pwm, PwmChannel, PwmSpec, Serial, SerialOptions, SerialPort, SimBoard } from '../hardware/index.js';

/** Bumped only on a breaking change; the host refuses any other value. */
export const PLUGIN_API_VERSION = 1;

export type { JsonSchema } from './plugins/info.js';
export { pollDevice, type PollDeviceOptions } from './plugins/poll-device.js';

export interface PluginManifest {
  /** Lower-case id, `[a-z0-9-]+`. */
  id: string;
  name: string;
  version: string;
  apiVersion: typeof PLUGIN_API_VERSION;
  description?: string;
  /**
   * JSON Schema of the plugin's entry in `plugins:` (minus the host's own keys), for
   * the host's check and the dashboard's form. Leave it out when the plugin gives
   * `config`: the host derives it from that schema.
   */
  configSchema?: JsonSchema;
}

export interface HearthPlugin<Config = Record<string, unknown>> {
  manifest: PluginManifest;
  /**
   * The config's schema (zod 4, or any Standard Schema that converts itself to JSON
   * Schema): the host validates the entry with it, once, and `setup` gets its output,
   * defaults applied. Without it the host checks `manifest.configSchema` and `setup`
   * gets the entry as it is.
   */
  config?: ConfigSchema<Config>;
  setup(ctx: PluginContext<Config>): void | Promise<void>;
  /**
   * Every output this config drives, read from the config alone: `hearth release-outputs`
   * (run by the service after any exit, `kill -9` included) releases them without
   * running the plugin. A plugin that drives outputs should declare them.
   */
  outputs?(config: Config): DeclaredOutput[];
  /**
   * Every input line this config reads, with its `bias`: the hub prefers a backend that
   * sets the bias, and `hearth check` says how to set it where the backend cannot.
   */
  inputs?(config: Config): DeclaredInput[];
}

/**
 * Identity at run time (a plain `{ manifest, config, setup }` object works the same);
 * it types `ctx.config` from the `config` schema, so the type and the host's check
 * come from one schema. A plugin with only a JSON Schema names its config type itself:
 * `definePlugin<MyConfig>({ manifest: { …, configSchema }, setup })`.
 */
export function definePlugin<Config = Record<string, unknown>>(plugin: HearthPlugin<Config>): HearthPlugin<Config> {
  return plugin;
}

export { CommandRejectedError } from './errors.js';

/**
 * The keys every entity a config declares accepts, whatever the plugin: spread
 * `entityBaseSchema.shape` into an entry's schema and pass `entityBaseOf(entry)` to
 * `entities.add`, so users write `allowedRoles`, `hidden` and `icon` the same everywhere.
 */
export const entityBaseSchema = z.object({
  /** Shown instead of the one derived from the id. */
  name: z.string().min(1).optional(),
  /** One of the config's `areas`. */
  area: z.string().regex(/^[a-z0-9_]+$/, 'an area id such as living_room').optional(),
  /** Roles that may command it (a listed role or any above it); absent = every signed-in role. */
  allowedRoles: z.array(z.enum(ROLES)).min(1).optional(),
  /** Left off the dashboard's views (still in the API, automations and history). */
  hidden: z.boolean().optional(),
  /** Home Assistant's icon form, `<set>:<name>`: `mdi:garage`. */
  icon: z.string().regex(/^[a-z0-9]+:[a-z0-9-]+$/, 'an icon such as mdi:garage').optional(),
});

export type EntityBase = z.infer<typeof entityBaseSchema>;

/** The shared keys of a config entry that carries others (lines, chips …), ready for `entities.add`. */
export function entityBaseOf(entry: EntityBase): EntityBase {
  const { name, area, allowedRoles, hidden, icon } = entry;
  return {
    ...(name !== undefined && { name }),
    ...(area !== undefined && { area }),
    ...(allowedRoles !== undefined && { allowedRoles }),
    ...(hidden !== undefined && { hidden }),
    ...(icon !== undefined && { icon }),
  };
}

/** `<domain>.<object_id>` for one of the domains `D`. */
export type EntityId<D extends Domain = Domain> = `${D}.${string}`;

/** What a handler of command `C` gets on an entity of domain `D`: the params after the dispatcher validated them. */
export type CommandParamsOf<D extends Domain, C extends string> = D extends Domain ? (C extends CommandName<D> ? CommandParams<D, C> : never) : never;

/**
 * Declared as a method so a handler typed for one command still fits where any
 * handler is stored; the dispatcher only ever calls it with that command's params.
 */
export type CommandHandler<D extends Domain = Domain, C extends CommandName<D> = CommandName<D>> = {
  handle(params: Readonly<CommandParamsOf<D, C>>, context: Context): void | Promise<void>;
}['handle'];

/** Handlers keyed by the domain's command names (DESIGN §2); any other key is refused when the entity is added. */
export type EntityCommands<D extends Domain> = { readonly [C in CommandName<D>]?: CommandHandler<D, C> };

/** An entity of one domain: its commands are that domain's. */
export interface DomainEntityDefinition<D extends Domain> {
  /** `<domain>.<object_id>`; the domain decides the state and commands (DESIGN §2). */
  id: EntityId<D>;
  name?: string;
  area?: string;
  /** Static attributes: unit, deviceClass, stateClass … */
  attributes?: Attributes;
  /** Handlers for this domain's commands. A light without `toggle` gets one from on/off. */
  commands?: EntityCommands<D>;
  /** Roles that may command it, a listed role or any above it; checked on every command path. */
  allowedRoles?: readonly Role[];
  /** Becomes the attribute `hidden: true`: the dashboard leaves it off its views. */
  hidden?: boolean;
  /** Becomes the attribute `icon` (`mdi:garage`). */
  icon?: string;
  /** How history records it: `excludeAttributes` keeps big attributes (a forecast) out of history rows; the live state keeps them. */
  recorder?: RecorderHints;
}

/**
 * One definition per domain, told apart by the id's prefix: `commands` is typed by the
 * domain of `id` without the author naming it.
 */
export type EntityDefinition<D extends Domain = Domain> = D extends Domain ? DomainEntityDefinition<D> : never;

export interface EntityHandle {
  readonly id: string;
  /** The current snapshot. */
  readonly current: EntityState;
  /** Reports a confirmed reading; attributes are merged. Unchanged values emit nothing. */
  setState(state: StateValue | null, attributes?: Record<string, unknown>): void;
  setAttributes(attributes: Record<string, unknown>): void;
  setAvailable(available: boolean): void;
}

export type Unsubscribe = () => void;

export interface TimerHandle {
  cancel(): void;
}

/**
 * Timers the host cancels when the plugin stops. A throw inside fails the plugin, except
 * a `HardwareError`: logged, and in a timer a command handler started it makes that
 * handler's entity unavailable until the timer's next good run.
 */
export interface PluginTimers {
  /** Never calls back before `Date.now()` has reached the start plus `ms` (a bare setTimeout may fire ~1 ms early by that clock). */
  setTimeout(fn: () => void | Promise<void>, ms: number): TimerHandle;
  setInterval(fn: () => void | Promise<void>, ms: number): TimerHandle;
  /** Croner syntax (5 or 6 fields), in the hub's timezone. */
  cron(expression: string, fn: () => void | Promise<void>): TimerHandle;
}

export interface PluginStates {
  get(entityId: string): EntityState | undefined;
  /** Called on every change of the named entities (all entities when omitted). */
  subscribe(entityIds: readonly string[] | undefined, cb: (newState: EntityState, oldState: EntityState | null) => void): Unsubscribe;
}

/** Commands on other plugins' entities (a thermostat switching a relay another plugin owns). */
export interface PluginCommands {
  /**
   * Dispatches `command` to `entityId` as an automation would: params validated against
   * the entity's domain, run by its owner, resolved with the state after it. It acts as
   * the hub (no role; the target's `allowedRoles` do not apply) in a child of the context
   * the plugin is running in, so the logbook still links it to whoever caused it.
   * Rejects as the API would: unknown entity, bad params, owner not running.
   */
  run(entityId: string, command: string, params?: Record<string, unknown>): Promise<EntityState>;
}

export interface PluginEvents {
  /** Fires an `event` that automations can trigger on (`{ type: event, event: <type> }`). */
  fire(type: string, data?: Record<string, unknown>): void;
}

/** Alerts people see in the dashboard's Alerts view and acknowledge (docs/plugins.md#alerts). */
export interface PluginAlerts {
  /**
   * Raises an alert with the source `plugin:<id>`, in the context the plugin runs in;
   * while it is open, an identical one (same entity and title) only counts up. Resolves
   * with the alert's id; rejects on bad input (an empty title, an unknown severity …).
   */
  raise(alert: AlertRaise): Promise<number>;
}

/** Whose alarm code a code is (docs/plugins.md#alarm-codes). */
export interface CodeMatch {
  userId: string;
  username: string;
  /** The user's duress code: act as if it were right, and raise a silent alert. */
  duress: boolean;
}

/** Users' alarm codes, set by each user in Settings; a plugin never sees them or their hashes. */
export interface PluginCodes {
  /**
   * The user whose alarm code (or duress code) `code` is, or `undefined`. Wrong codes are
   * counted per caller (the signed-in user of the running context); past the limit it
   * rejects with a rate-limit error that the API answers with 429 — let it propagate.
   */
  verify(code: string): Promise<CodeMatch | undefined>;
}

/**
 * What a plugin says about itself beside its entities, shown as `details` in `GET /api/plugins`:
 * counts, what it could not take (an MQTT import's unmapped fields). JSON values only.
 */
export interface PluginStatusDetails {
  /** Replaces the plugin's details as a whole. */
  set(details: Readonly<Record<string, unknown>>): void;
}

/** Small persistent key/value storage, kept in the data directory across restarts. */
export interface PluginStorage {
  get<T = unknown>(key: string): T | undefined;
  /** Written to disk soon after, and on stop; JSON-serialisable values only. */
  set(key: string, value: unknown): void;
  /** Writes what was set now: before showing a value that must survive a `kill -9` (a meter's total). */
  flush(): void;
}

/** Hardware opened through the host, which releases it (outputs to their safe state) on stop or failure. */
export interface PluginHardware {
  readonly backend: HardwareBackend;
  /** Header lines and MCP23017 expander lines, both owned and released by the hub. */
  readonly gpio: Gpio;
  /** PWM outputs (PCA9685 channels), owned by the hub and darkened on every exit. */
  readonly pwm: Pwm;
  i2c(busNumber: number): I2cBus;
  readonly oneWire: OneWire;
  /** Serial ports; the hub closes the ones a plugin left open when it stops. */
  readonly serial: Serial;
  /** The simulated board, on the sim backend only. */
  readonly sim?: SimBoard;
}

export interface PluginContext<Config = Record<string, unknown>> {
  /** This instance's id (the manifest id, or the entry's `id:`). */
  readonly pluginId: string;
  readonly config: Config;
  readonly log: Logger;
  readonly hardware: PluginHardware;
  readonly entities: { add(definition: EntityDefinition): EntityHandle };
  readonly states: PluginStates;
  readonly commands: PluginCommands;
  readonly events: PluginEvents;
  readonly alerts: PluginAlerts;
  readonly codes: PluginCodes;
  readonly status: PluginStatusDetails;
  readonly timers: PluginTimers;
  readonly storage: PluginStorage;
  /** Hub facts a plugin may need (location for a sun-driven simulation, timezone). */
  readonly hub: { readonly name: string; readonly location?: { latitude: number; longitude: number; timezone?: string } };
  /** Runs on stop, in reverse order of registration. */
  onStop(fn: () => void | Promise<void>): void;
}


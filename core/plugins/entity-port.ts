import type { Context } from '../kernel/context.js';
import type { CommandHandlers } from '../kernel/dispatcher.js';
import type { EntityState } from '../kernel/entity.js';
import type { Attributes, EntityRegistration, Kernel, StatePatch } from '../kernel/index.js';
import { createContext, currentContext } from '../kernel/index.js';
import type { AlertRaise, CodeMatch, EntityDefinition } from '../plugin-api.js';

/** What the hub's alerts give plugins (core/alerts `Alerts` fits); the test hub records instead. */
export interface AlertSink {
  raise(input: AlertRaise, source: string, context: Context): { id: number };
}

/** What checks users' alarm codes for `ctx.codes` (core/auth `AlarmCodes` fits). */
export interface CodeVerifier {
  verify(code: string, key: string): Promise<CodeMatch | undefined>;
}

/** Where plugins' `ctx.status.set` details are kept, by plugin id (the host's list shows them). */
export interface DetailsSink {
  set(pluginId: string, details: Readonly<Record<string, unknown>>): void;
}

/** Wrong codes count per plugin and per user, so one user's mistakes do not lock out another. */
export const codeKey = (pluginId: string, context: Context | undefined) => `${pluginId}:${context?.userId ?? 'nobody'}`;

/** The source a plugin's alerts carry. */
export const pluginSource = (pluginId: string) => `plugin:${pluginId}`;

/**
 * What a plugin runtime needs from the hub's entity world. In process it is the
 * kernel itself; in an isolated child it is a mirror plus IPC to the parent, so the
 * same runtime code serves both modes and a plugin cannot tell them apart.
 */
export interface EntityPort {
  /** Registers the entity for `owner`, initialises its state, installs command handlers. Throws on a clash. */
  add(definition: EntityDefinition, owner: string, handlers: CommandHandlers | undefined): void;
  update(entityId: string, patch: StatePatch, context?: Context): void;
  get(entityId: string): EntityState | undefined;
  /** Dispatches a command to any entity of the hub; resolves to its state after. */
  command(entityId: string, command: string, params: Record<string, unknown>, context: Context): Promise<EntityState>;
  onChange(cb: (newState: EntityState, oldState: EntityState | null) => void): () => void;
  fire(type: string, data: Record<string, unknown>, origin: string): void;
  /** Raises an alert from plugin `origin`; resolves with its id. */
  raiseAlert(input: AlertRaise, origin: string): Promise<number>;
  /** Whose alarm code `code` is, for plugin `origin`; without a verifier no code matches. */
  verifyCode(code: string, origin: string): Promise<CodeMatch | undefined>;
  /** Replaces plugin `origin`'s status details. */
  setDetails(details: Readonly<Record<string, unknown>>, origin: string): void;
}

/** What the registry keeps of a definition (the same in process, in an isolated child and in the hub behind it). */
export function registrationOf(def: Omit<EntityDefinition, 'commands'>, owner: string, commands: readonly string[]): EntityRegistration {
  return { id: def.id, owner, name: def.name, area: def.area, allowedRoles: def.allowedRoles, commands, ...(def.recorder && { recorder: def.recorder }) };
}

/**
 * The first attributes: `icon` and `hidden` ride as attributes so the state object keeps
 * DESIGN §2's shape and the dashboard gets them with every state.
 */
export function initialAttributes(def: Omit<EntityDefinition, 'commands'>): Attributes | undefined {
  if (def.icon === undefined && !def.hidden) return def.attributes;
  return { ...def.attributes, ...(def.icon !== undefined && { icon: def.icon }), ...(def.hidden && { hidden: true }) };
}

export function createKernelPort(kernel: Kernel, alerts?: AlertSink, codes?: CodeVerifier, details?: DetailsSink): EntityPort {
  return {
    add(def, owner, handlers) {
      // A plugin restarted after a failure adds its entities again: they are its own.
      if (kernel.registry.get(def.id)?.owner === owner) kernel.states.update(def.id, { available: true });
      else kernel.states.init(kernel.registry.add(registrationOf(def, owner, Object.keys(handlers ?? {}))), initialAttributes(def));
      if (handlers) kernel.dispatcher.register(def.id, handlers);
    },
    update: (entityId, patch, context) => void kernel.states.update(entityId, patch, context),
    get: (entityId) => kernel.states.get(entityId),
    command: (entityId, command, params, context) => kernel.dispatcher.dispatch({ entityId, command, params, context }),
    onChange: (cb) =>
      kernel.bus.on('state_changed', ({ newState, oldState }) => {
        if (newState) cb(newState, oldState);
      }),
    fire(type, data, origin) {
      kernel.bus.emit('event', { type, data, context: currentContext() ?? createContext(), origin });
    },
    async raiseAlert(input, origin) {
      if (!alerts) throw new Error('this hub keeps no alerts');
      return alerts.raise(input, pluginSource(origin), currentContext() ?? createContext()).id;
    },
    verifyCode: async (code, origin) => codes?.verify(code, codeKey(origin, currentContext())),
    setDetails: (value, origin) => details?.set(origin, value),
  };
}

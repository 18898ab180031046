import type { Logger } from 'pino';
import type { CodeMatch } from '../../plugin-api.js';
import { createKernel, currentContext, type Context, type EntityState } from '../../kernel/index.js';
import { initialAttributes, registrationOf, type EntityPort } from '../entity-port.js';
import { rateLimitFrom, type Rpc } from './rpc.js';

export interface ChildPort {
  readonly port: EntityPort;
  /** A state from the hub's mirror stream. */
  receiveState(state: EntityState): void;
  /** A command the hub routed to one of this plugin's entities. */
  runCommand(entityId: string, command: string, params: Record<string, unknown>, context: Context): Promise<void>;
}

/**
 * Entities inside an isolated child. The plugin's own entities live in a local
 * kernel (so handles, toggles and contexts behave exactly as in process) and every
 * change is forwarded to the hub; everyone else's states arrive as a mirror.
 */
export function createChildPort(rpc: Rpc, initial: readonly EntityState[], log: Logger, fail: (err: unknown) => void): ChildPort {
  const local = createKernel(log);
  const mirror = new Map(initial.map((s) => [s.id, s]));
  const listeners = new Set<(newState: EntityState, oldState: EntityState | null) => void>();
  const notifyAll = (newState: EntityState, oldState: EntityState | null) => {
    for (const cb of [...listeners]) cb(newState, oldState);
  };
  local.bus.on('state_changed', ({ newState, oldState }) => {
    if (!newState) return;
    const { state, attributes, available } = newState;
    rpc.notify('entity.update', newState.id, { state, attributes, available }, newState.context);
    notifyAll(newState, oldState);
  });

  const port: EntityPort = {
    add(def, owner, handlers) {
      const info = local.registry.add(registrationOf(def, owner, Object.keys(handlers ?? {})));
      const { commands, ...plain } = def;
      // The hub must hear of the entity before its first state update.
      rpc.call('entities.add', plain, Object.keys(commands ?? {})).catch(fail);
      local.states.init(info, initialAttributes(def));
      if (handlers) local.dispatcher.register(info.id, handlers);
    },
    update: (entityId, patch, context) => void local.states.update(entityId, patch, context),
    get: (entityId) => local.states.get(entityId) ?? mirror.get(entityId),
    command: (entityId, command, params, context) =>
      local.registry.get(entityId)
        ? local.dispatcher.dispatch({ entityId, command, params, context })
        : rpc.call<EntityState>('commands.run', entityId, command, params, context),
    onChange(cb) {
      listeners.add(cb);
      return () => void listeners.delete(cb);
    },
    fire: (type, data) => rpc.notify('events.fire', type, data, currentContext()),
    raiseAlert: (input) => rpc.call<number>('alerts.raise', input, currentContext()),
    verifyCode: (code) => rpc.call<CodeMatch | undefined>('codes.verify', code, currentContext()).catch((err: unknown) => Promise.reject(rateLimitFrom(err))),
    setDetails: (details) => rpc.notify('details.set', details),
  };

  return {
    port,
    receiveState(state) {
      if (local.registry.get(state.id)) return;
      const old = mirror.get(state.id) ?? null;
      mirror.set(state.id, state);
      notifyAll(state, old);
    },
    async runCommand(entityId, command, params, context) {
      await local.dispatcher.dispatch({ entityId, command, params, context });
    },
  };
}

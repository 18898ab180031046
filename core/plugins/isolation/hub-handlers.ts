import type { Logger } from 'pino';
import { ConflictError, UnavailableError, ValidationError } from '../../errors.js';
import { createContext, type Context, type Kernel, type StatePatch } from '../../kernel/index.js';
import type { AlertRaise, EntityDefinition } from '../../plugin-api.js';
import { codeKey, initialAttributes, pluginSource, registrationOf, type AlertSink, type CodeVerifier, type DetailsSink } from '../entity-port.js';
import { rateLimitFrom, RemoteError, type Rpc, type RpcHandler } from './rpc.js';

const LEVELS: Record<number, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/**
 * What the hub answers an isolated child: entity registration (surviving restarts:
 * the same owner may add its entities again), state updates for entities it owns,
 * events, and its log lines, re-logged tagged with the plugin id.
 */
export function createHubHandlers(
  pluginId: string,
  kernel: Kernel,
  log: Logger,
  rpc: () => Rpc,
  entityIds: Set<string>,
  alerts?: AlertSink,
  codes?: CodeVerifier,
  details?: DetailsSink,
): Record<string, RpcHandler> {
  const toLocalError = (err: unknown): Error => {
    const message = err instanceof Error ? err.message : String(err);
    const status = err instanceof RemoteError ? err.status : undefined;
    if (status === 409) return new ConflictError(message);
    if (status === 400) return new ValidationError(message);
    if (status === 429) return rateLimitFrom(err) as Error;
    return new UnavailableError(message);
  };
  return {
    'entities.add': (def: Omit<EntityDefinition, 'commands'>, commands: string[]) => {
      const existing = kernel.registry.get(def.id);
      if (existing && existing.owner !== pluginId) throw new ConflictError(`entity '${def.id}' is declared by both '${existing.owner}' and '${pluginId}'`);
      if (!existing) {
        const info = kernel.registry.add(registrationOf(def, pluginId, commands));
        kernel.states.init(info, initialAttributes(def));
      } else kernel.states.update(def.id, { available: true }); // a restarted child owns it again
      entityIds.add(def.id);
      const route = (command: string) => async (params: Readonly<Record<string, unknown>>, context: Context) => {
        await rpc().call('command', def.id, command, params, context).catch((err: unknown) => Promise.reject(toLocalError(err)));
      };
      if (commands.length) kernel.dispatcher.register(def.id, Object.fromEntries(commands.map((c) => [c, route(c)])));
    },
    'entity.update': (entityId: string, patch: StatePatch, context: Context) => {
      if (entityIds.has(entityId)) kernel.states.update(entityId, patch, context);
    },
    'commands.run': (entityId: string, command: string, params: Record<string, unknown>, context: Context) =>
      kernel.dispatcher.dispatch({ entityId, command, params, context }),
    'events.fire': (type: string, data: Record<string, unknown>, context?: Context) => {
      kernel.bus.emit('event', { type, data, context: context ?? createContext(), origin: pluginId });
    },
    'alerts.raise': (input: AlertRaise, context?: Context) => {
      if (!alerts) throw new Error('this hub keeps no alerts');
      return alerts.raise(input, pluginSource(pluginId), context ?? createContext()).id;
    },
    'codes.verify': async (code: string, context?: Context) => codes?.verify(code, codeKey(pluginId, context)),
    'details.set': (value: Readonly<Record<string, unknown>>) => details?.set(pluginId, value),
    log: (line: string) => {
      try {
        // The hub's logger stamps its own time; the child's would appear twice.
        const { level, msg, time: _time, ...fields } = JSON.parse(line) as { level: number; msg?: string; time?: number } & Record<string, unknown>;
        log[LEVELS[level] ?? 'info']({ ...fields, plugin: pluginId, isolated: true }, msg ?? '');
      } catch {
        log.info({ plugin: pluginId, isolated: true }, line.trim());
      }
    },
  };
}

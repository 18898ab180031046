import { Cron } from 'croner';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Hardware } from '../../hardware/index.js';
import { ConflictError, UnavailableError, errorMessage } from '../errors.js';
import type { StatePatch } from '../kernel/index.js';
import {
  CommandRejectedError,
  type CommandHandler,
  type EntityDefinition,
  type EntityHandle,
  type PluginContext,
  type PluginTimers,
  type TimerHandle,
} from '../plugin-api.js';
import type { EntityPort } from './entity-port.js';
import type { LoadedPlugin } from './load.js';
import { createPluginStorage } from './storage.js';
import type { BlockWatchdog } from './watchdog.js';
import { trackHardware } from './tracked-hardware.js';
import { foreignZone } from '../local-zone.js';

export interface RuntimeDeps {
  entities: EntityPort;
  hardware: Hardware;
  log: Logger;
  dataDir: string;
  hub: PluginContext['hub'];
  /** Attributes event-loop blocks to the plugin running at the time. */
  watchdog?: Pick<BlockWatchdog, 'run'>;
}

export interface PluginRuntime {
  readonly ctx: PluginContext;
  readonly entityIds: readonly string[];
  /** Releases all the plugin owns: timers, subscriptions, onStop handlers, lines, storage. */
  teardown(stopTimeoutMs: number): Promise<void>;
}

export type FailureHandler = (err: unknown, where: string) => void;

/** What a runtime needs of a loaded plugin (an isolated child has no manifest-validated entry of its own). */
export type RuntimePlugin = Pick<LoadedPlugin, 'id' | 'config'>;

/** Builds the `ctx` of one plugin instance; every callback it takes is guarded by `fail`. */
export function createPluginRuntime(loaded: RuntimePlugin, deps: RuntimeDeps, fail: FailureHandler): PluginRuntime {
  const port = deps.entities;
  const id = loaded.id;
  const log = deps.log.child({ plugin: id });
  const disposers = new Set<() => void>();
  const stopHandlers: (() => void | Promise<void>)[] = [];
  const entityIds: string[] = [];
  const storage = createPluginStorage(join(deps.dataDir, 'plugins'), id);
  const attributed = <T>(fn: () => T): T => (deps.watchdog ? deps.watchdog.run(id, fn) : fn());
  let alive = true;

  const guard =
    (where: string, fn: () => void | Promise<void>) =>
    (): void => {
      if (!alive) return;
      try {
        const result = attributed(fn);
        if (result instanceof Promise) result.catch((err: unknown) => fail(err, where));
      } catch (err) {
        fail(err, where);
      }
    };

  const tracked = trackHardware(deps.hardware, guard);

  const own = (dispose: () => void): TimerHandle => {
    disposers.add(dispose);
    return { cancel: () => (disposers.delete(dispose), dispose()) };
  };

  const timers: PluginTimers = {
    setTimeout(fn, ms) {
      const handle = setTimeout(() => (disposers.delete(cancel), guard('timer', fn)()), ms);
      const cancel = () => clearTimeout(handle);
      return own(cancel);
    },
    setInterval(fn, ms) {
      const handle = setInterval(guard('interval', fn), ms);
      return own(() => clearInterval(handle));
    },
    cron(expression, fn) {
      const job = new Cron(expression, { timezone: foreignZone(deps.hub.location?.timezone) }, guard(`cron '${expression}'`, fn));
      return own(() => job.stop());
    },
  };

  function wrapHandler(entityId: string, command: string, handler: CommandHandler): CommandHandler {
    return async (params, context) => {
      if (!alive) throw new UnavailableError(`plugin '${id}' is not running`);
      try {
        await attributed(() => handler(params, context));
      } catch (err) {
        // By name too: a plugin bundling its own copy of the API has its own class.
        if (err instanceof CommandRejectedError || (err as Error | undefined)?.name === 'CommandRejectedError') throw new ConflictError((err as Error).message);
        fail(err, `command ${command} on ${entityId}`);
        throw new UnavailableError(`plugin '${id}' failed while handling ${command}: ${errorMessage(err)}`);
      }
    };
  }

  function addEntity(def: EntityDefinition): EntityHandle {
    if (!alive) throw new Error(`plugin '${id}' is stopped; it cannot add entities`);
    const handlers = def.commands && Object.fromEntries(Object.entries(def.commands).map(([c, h]) => [c, wrapHandler(def.id, c, h)]));
    port.add(def, id, handlers);
    entityIds.push(def.id);
    const update = (patch: StatePatch) => {
      if (alive) port.update(def.id, patch);
    };
    return {
      id: def.id,
      get current() {
        return port.get(def.id)!;
      },
      setState: (state, attributes) => update({ state, attributes }),
      setAttributes: (attributes) => update({ attributes }),
      setAvailable: (available) => update({ available }),
    };
  }

  const ctx: PluginContext = {
    pluginId: id,
    config: loaded.config,
    log,
    hardware: tracked.hardware,
    entities: { add: addEntity },
    states: {
      get: (entityId) => port.get(entityId),
      subscribe(ids, cb) {
        const wanted = ids ? new Set(ids) : undefined;
        const off = port.onChange((newState, oldState) => {
          if (!wanted || wanted.has(newState.id)) guard(`subscription to ${newState.id}`, () => cb(newState, oldState))();
        });
        return own(off).cancel;
      },
    },
    events: {
      fire: (type, data = {}) => port.fire(type, data, id),
    },
    timers,
    storage,
    hub: deps.hub,
    onStop: (fn) => void stopHandlers.push(fn),
  };

  return {
    ctx,
    entityIds,
    async teardown(stopTimeoutMs) {
      if (!alive) return;
      alive = false;
      for (const dispose of [...disposers]) dispose();
      disposers.clear();
      for (const handler of stopHandlers.reverse()) {
        await withTimeout(Promise.resolve().then(handler), stopTimeoutMs, `onStop handler of '${id}'`).catch((err: unknown) =>
          log.warn({ err }, 'stop handler failed'),
        );
      }
      await tracked.release();
      storage.flush();
    },
  };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

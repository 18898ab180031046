import { Cron } from 'croner';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { isHardwareError } from '../../hardware/errors.js';
import type { Hardware } from '../../hardware/index.js';
import { ConflictError, HearthError, UnavailableError, errorMessage } from '../errors.js';
import { childContext, createContext, currentContext, type StatePatch } from '../kernel/index.js';
import {
  CommandRejectedError,
  type CommandHandler,
  type EntityDefinition,
  type EntityHandle,
  type PluginContext,
  type PluginTimers,
  type TimerHandle,
} from '../plugin-api.js';
import { currentPluginScope, runInPluginScope, runOutsidePluginScope } from './attribution.js';
import { setTimeoutNotEarly } from './deadline-timer.js';
import type { EntityPort } from './entity-port.js';
import type { LoadedPlugin } from './load.js';
import { createMemoryStorage, createPluginStorage } from './storage.js';
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
  /**
   * A simulated past (core/backfill): intervals run at most every `minIntervalMs`, so a
   * week of polling takes seconds, and storage stays in memory (the real start begins afresh).
   */
  simulatedPast?: { minIntervalMs: number };
}

export interface PluginRuntime {
  readonly ctx: PluginContext;
  /** Runs the plugin's `setup` in its scope (attributed, watched like any callback). */
  setup(setup: (ctx: PluginContext) => void | Promise<void>): Promise<void>;
  readonly entityIds: readonly string[];
  /** Releases all the plugin owns: timers, subscriptions, onStop handlers, lines, storage. */
  teardown(stopTimeoutMs: number): Promise<void>;
}

export type FailureHandler = (err: unknown, where: string) => void;

/** What a runtime needs of a loaded plugin (an isolated child has no manifest-validated entry of its own). */
export type RuntimePlugin = Pick<LoadedPlugin, 'id' | 'config'>;

/**
 * Builds the `ctx` of one plugin instance; every callback it takes is guarded. Failures
 * come in two tiers: an I/O error (a `HardwareError`) in a command handler, or in a timer
 * that handler started, makes only that entity unavailable until its next success; any
 * other throw is a bug and goes to `fail`. Everything the plugin runs is in its scope
 * (attribution.ts), so an error escaping from a raw timer can still be blamed on it.
 */
export function createPluginRuntime(loaded: RuntimePlugin, deps: RuntimeDeps, fail: FailureHandler): PluginRuntime {
  const port = deps.entities;
  const id = loaded.id;
  const log = deps.log.child({ plugin: id });
  const disposers = new Set<() => void>();
  const stopHandlers: (() => void | Promise<void>)[] = [];
  const entityIds: string[] = [];
  const storage = deps.simulatedPast ? createMemoryStorage() : createPluginStorage(join(deps.dataDir, 'plugins'), id);
  const minIntervalMs = deps.simulatedPast?.minIntervalMs ?? 0;
  /** Entities this runtime marked unavailable after an I/O error; the next success brings them back. */
  const ioDown = new Set<string>();
  const attributed = <T>(fn: () => T, entityId?: string): T =>
    runInPluginScope({ pluginId: id, ...(entityId && { entityId }) }, () => (deps.watchdog ? deps.watchdog.run(id, fn) : fn()));
  const hub = <T>(fn: () => T): T => runOutsidePluginScope(fn);
  let alive = true;

  function ioFailed(err: Error, where: string, entityId: string | undefined): void {
    log.warn({ err: err.message, ...(entityId && { entity: entityId }) }, `I/O error in ${where}; retrying on the next ${entityId ? 'command or update' : 'run'}`);
    if (entityId && alive && !ioDown.has(entityId)) {
      ioDown.add(entityId);
      hub(() => port.update(entityId, { available: false }));
    }
  }
  function succeeded(entityId: string | undefined): void {
    if (entityId && alive && ioDown.delete(entityId)) hub(() => port.update(entityId, { available: true }));
  }
  const failed = (err: unknown, where: string, entityId: string | undefined): void =>
    isHardwareError(err) ? ioFailed(err, where, entityId) : fail(err, where);

  /** The entity whose handler is running, when the plugin starts a timer from it. */
  const owningEntity = (): string | undefined => {
    const scope = currentPluginScope();
    return scope?.pluginId === id ? scope.entityId : undefined;
  };

  const guard =
    (where: string, fn: () => void | Promise<void>, entityId?: string) =>
    (): void => {
      if (!alive) return;
      try {
        const result = attributed(fn, entityId);
        if (result instanceof Promise) result.then(() => succeeded(entityId), (err: unknown) => failed(err, where, entityId));
        else succeeded(entityId);
      } catch (err) {
        failed(err, where, entityId);
      }
    };

  const tracked = trackHardware(deps.hardware, guard);

  const own = (dispose: () => void): TimerHandle => {
    disposers.add(dispose);
    return { cancel: () => (disposers.delete(dispose), dispose()) };
  };

  const timers: PluginTimers = {
    setTimeout(fn, ms) {
      const run = guard('timer', fn, owningEntity());
      const cancel = setTimeoutNotEarly(() => (disposers.delete(cancel), run()), ms);
      return own(cancel);
    },
    setInterval(fn, ms) {
      const handle = setInterval(guard('interval', fn, owningEntity()), Math.max(ms, minIntervalMs));
      return own(() => clearInterval(handle));
    },
    cron(expression, fn) {
      const job = new Cron(expression, { timezone: foreignZone(deps.hub.location?.timezone) }, guard(`cron '${expression}'`, fn, owningEntity()));
      return own(() => job.stop());
    },
  };

  function wrapHandler(entityId: string, command: string, handler: CommandHandler): CommandHandler {
    return async (params, context) => {
      if (!alive) throw new UnavailableError(`plugin '${id}' is not running`);
      try {
        await attributed(() => handler(params, context), entityId);
      } catch (err) {
        // By name too: a plugin bundling its own copy of the API has its own class.
        if (err instanceof CommandRejectedError || (err as Error | undefined)?.name === 'CommandRejectedError') throw new ConflictError((err as Error).message);
        // The SDK's own refusals (a rate limit in ctx.codes) reach the caller as they are.
        if (err instanceof HearthError) throw err;
        if (isHardwareError(err)) {
          ioFailed(err, `command ${command} on ${entityId}`, entityId);
          throw new UnavailableError(`'${entityId}' did not answer ${command}: ${err.message}; the next command tries again`);
        }
        fail(err, `command ${command} on ${entityId}`);
        throw new UnavailableError(`plugin '${id}' failed while handling ${command}: ${errorMessage(err)}`);
      }
      succeeded(entityId);
    };
  }

  function addEntity(def: EntityDefinition): EntityHandle {
    if (!alive) throw new Error(`plugin '${id}' is stopped; it cannot add entities`);
    const handlers = def.commands && Object.fromEntries(Object.entries(def.commands).map(([c, h]) => [c, wrapHandler(def.id, c, h)]));
    hub(() => port.add(def, id, handlers));
    entityIds.push(def.id);
    const update = (patch: StatePatch) => {
      if (alive) hub(() => port.update(def.id, patch));
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
    commands: {
      run(entityId, command, params = {}) {
        const parent = currentContext();
        const context = parent ? childContext(parent) : createContext();
        return hub(() => port.command(entityId, command, params, context));
      },
    },
    events: {
      fire: (type, data = {}) => hub(() => port.fire(type, data, id)),
    },
    alerts: {
      raise: (alert) => hub(() => port.raiseAlert(alert, id)),
    },
    codes: {
      verify: (code) => port.verifyCode(code, id),
    },
    status: {
      set: (details) => port.setDetails(structuredClone(details), id),
    },
    timers,
    storage,
    hub: deps.hub,
    onStop: (fn) => void stopHandlers.push(fn),
  };

  return {
    ctx,
    setup: (setup) => Promise.resolve().then(() => attributed(() => setup(ctx))),
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

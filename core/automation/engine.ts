import { isDeepStrictEqual } from 'node:util';
import type { Logger } from 'pino';
import type { Alerts } from '../alerts/service.js';
import type { AlertRaise } from '../alerts/types.js';
import type { Notifier } from '../notify/types.js';
import type { DatabaseHandle } from '../db/index.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { createContext, isoTime, type Context, type Kernel } from '../kernel/index.js';
import type { Service } from '../service.js';
import { createAutomationRuntime, type AutomationRuntime, type Trace } from './automation.js';
import { systemClock, type Clock } from './clock.js';
import type { FileAutomation } from './config.js';
import { catchUpTrigger } from './follow.js';
import type { AutomationDefinition } from './definition.js';
import './events.js';
import { parseOrThrow } from './parse.js';
import type { RunEnv } from './runner.js';
import { createAutomationStore, TRACES_KEPT } from './store.js';
import type { Location } from './time.js';

export interface AutomationEngineDeps {
  kernel: Pick<Kernel, 'bus' | 'states' | 'dispatcher'>;
  database: DatabaseHandle;
  log: Logger;
  location?: Location;
  /** From `loadFileAutomations(loaded)`: read-only through the API. */
  fileAutomations?: readonly FileAutomation[];
  clock?: Clock;
  /** The MQTT bridge, when configured: `mqtt` triggers subscribe to their topics through it. */
  mqtt?: { subscribe(filter: string): () => void };
  /** The hub's alerts: `alert` actions raise through it as `automation:<id>`. */
  alerts?: Pick<Alerts, 'raise'>;
  /** The hub's notifier, for `notify` actions. */
  notifier?: Notifier;
  /** How long traces wait in memory before one write; default 1 s (a simulated week batches by the hour). */
  traceFlushMs?: number;
}

/** The definition as written (DESIGN §7), plus what the hub knows about it. */
export interface AutomationInfo extends Record<string, unknown> {
  id: string;
  name: string;
  source: 'file' | 'api';
  enabled: boolean;
  mode: AutomationDefinition['mode'];
  /** Runs under way now. */
  running: number;
  /** When the last run started (ISO), null if it never ran. */
  lastRun: string | null;
}

export interface AutomationEngine extends Service {
  list(): AutomationInfo[];
  get(id: string): AutomationInfo;
  /** 400 with paths when invalid, 409 when the id exists. */
  create(input: unknown): AutomationInfo;
  /** PUT: replaces an API automation. */
  replace(id: string, input: unknown): AutomationInfo;
  /** PATCH: merges top-level keys (`{enabled: false}`) into an API automation. */
  update(id: string, patch: Record<string, unknown>): AutomationInfo;
  remove(id: string): void;
  /** Runs the actions now, skipping triggers and conditions; resolves with the trace (undefined when the mode dropped it). */
  run(id: string, context?: Context): Promise<Trace | undefined>;
  /** Newest first, at most 10. */
  traces(id: string): Trace[];
  /**
   * The automations file read again (a config reload): new ones start, removed ones stop,
   * changed ones restart; one whose definition is the same keeps running, its `for:` timers too.
   * Returns the ids that were added, changed or removed.
   */
  reloadFile(fileAutomations: readonly FileAutomation[]): string[];
}

const TRACE_FLUSH_MS = 1_000;

interface Entry {
  source: 'file' | 'api';
  input: unknown;
  definition: AutomationDefinition;
  runtime?: AutomationRuntime;
}

export function createAutomationEngine(deps: AutomationEngineDeps): AutomationEngine {
  const { kernel, log } = deps;
  const clock = deps.clock ?? systemClock();
  const store = createAutomationStore(deps.database, () => clock.now());
  const entries = new Map<string, Entry>();
  let started = false;
  // Traces are written in batches, off the path between a trigger and its command. Only
  // the newest few of each automation are kept, so a busy rule's other traces die young
  // instead of piling up in the old generation until the flush.
  const unwritten = new Map<string, Trace[]>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    const batch = [...unwritten.values()].flat();
    unwritten.clear();
    store.addTraces(batch);
  };
  const queueTrace = (trace: Trace) => {
    const list = unwritten.get(trace.automationId) ?? [];
    if (list.push(trace) > TRACES_KEPT) list.shift();
    unwritten.set(trace.automationId, list);
  };

  const env: RunEnv = {
    bus: kernel.bus,
    getState: (id) => kernel.states.get(id),
    dispatch: ({ entityId, command, params, context }) => kernel.dispatcher.dispatch({ entityId, command, params, context }),
    clock,
    log,
    ...(deps.location && { location: deps.location }),
    ...(deps.mqtt && { subscribeMqtt: (filter: string) => deps.mqtt!.subscribe(filter) }),
    ...(deps.notifier && { notifier: deps.notifier }),
    ...(deps.alerts && { raiseAlert: (input: AlertRaise, context: Context) => deps.alerts!.raise(input, `automation:${context.automationId ?? 'unknown'}`, context) }),
  };

  function activate(entry: Entry): void {
    if (!started || !entry.definition.enabled) return;
    const id = entry.definition.id;
    const runtime = createAutomationRuntime(entry.definition, env, {
      forTimers: store.forTimers(id),
      savePending: (run) => store.savePending(id, run),
      removePending: (runId) => store.removePending(id, runId),
      onTrace: (trace) => {
        if (!started) return; // a run that ended after stop: the database may be closed
        queueTrace(trace);
        lastRuns.set(trace.automationId, trace.startedAt);
        flushTimer ??= setTimeout(flush, deps.traceFlushMs ?? TRACE_FLUSH_MS);
        kernel.bus.emit('automation_trace', { trace });
      },
    });
    entry.runtime = runtime;
    runtime.start();
    const { runs, unreadable } = store.pendingRuns(id);
    if (unreadable) log.warn({ automation: id, unreadable }, 'stored waiting runs in an unknown format are dropped');
    for (const pending of runs) runtime.resume(pending);
    const catchUp = catchUpTrigger(entry.definition, env.getState, isoTime(clock.now()));
    if (catchUp) void runtime.trigger(catchUp, env.getState(String(catchUp.entity))?.context);
  }

  /** Stops an automation and forgets its timers: its definition changed or it went away. */
  function deactivate(entry: Entry): void {
    entry.runtime?.stop(false);
    delete entry.runtime;
    store.clearPending(entry.definition.id);
  }

  const lastRuns = new Map<string, string>();
  const lastRunOf = (id: string): string | null => {
    if (!lastRuns.has(id)) {
      const latest = store.traces(id)[0];
      if (latest) lastRuns.set(id, latest.startedAt);
    }
    return lastRuns.get(id) ?? null;
  };

  function info(entry: Entry): AutomationInfo {
    const d = entry.definition;
    const written = entry.input && typeof entry.input === 'object' ? (entry.input as Record<string, unknown>) : {};
    return {
      ...written,
      id: d.id,
      name: d.name ?? d.id,
      source: entry.source,
      enabled: d.enabled,
      mode: d.mode,
      running: entry.runtime?.running ?? 0,
      lastRun: lastRunOf(d.id),
    };
  }

  function find(id: string): Entry {
    const entry = entries.get(id);
    if (!entry) throw new NotFoundError(`unknown automation '${id}'`);
    return entry;
  }

  function editable(id: string): Entry {
    const entry = find(id);
    if (entry.source === 'file') throw new ForbiddenError(`automation '${id}' comes from the config file and is read-only through the API; edit the file instead`);
    return entry;
  }

  function save(id: string, input: unknown, previous?: Entry): AutomationInfo {
    const definition = parseOrThrow(input);
    if (definition.id !== id) throw new ValidationError(`the id in the body ('${definition.id}') must match the URL ('${id}')`);
    if (previous) deactivate(previous);
    store.put(id, input);
    const entry: Entry = { source: 'api', input, definition };
    entries.set(id, entry);
    activate(entry);
    return info(entry);
  }

  return {
    name: 'automations',
    async start() {
      for (const { definition, input } of deps.fileAutomations ?? []) entries.set(definition.id, { source: 'file', input, definition });
      for (const row of store.list()) {
        if (entries.has(row.id)) {
          log.warn({ automation: row.id }, 'an API automation has the id of one in the config file; the file wins');
          continue;
        }
        try {
          entries.set(row.id, { source: 'api', input: row.definition, definition: parseOrThrow(row.definition) });
        } catch (err) {
          log.error({ automation: row.id, err: (err as Error).message }, 'a stored automation is no longer valid; it stays off');
        }
      }
      started = true;
      for (const entry of entries.values()) activate(entry);
      log.info({ count: entries.size }, 'automations started');
    },
    async stop() {
      started = false;
      for (const entry of entries.values()) {
        entry.runtime?.stop(true);
        delete entry.runtime;
      }
      entries.clear();
      flush();
    },
    list: () => [...entries.values()].map(info),
    get: (id) => info(find(id)),
    create(input) {
      const id = parseOrThrow(input).id;
      if (entries.has(id)) throw new ConflictError(`an automation with id '${id}' already exists`);
      return save(id, input);
    },
    replace: (id, input) => save(id, input, editable(id)),
    update(id, patch) {
      const entry = editable(id);
      const base = entry.input && typeof entry.input === 'object' ? entry.input : {};
      return save(id, { ...base, ...patch, id }, entry);
    },
    remove(id) {
      const entry = editable(id);
      deactivate(entry);
      flush();
      store.remove(id);
      entries.delete(id);
    },
    async run(id, context = createContext()) {
      const entry = find(id);
      if (!entry.runtime) throw new ConflictError(`automation '${id}' is disabled; enable it first`);
      return entry.runtime.trigger({ id: 'manual', type: 'manual', at: new Date(clock.now()).toISOString() }, context, { manual: true });
    },
    traces(id) {
      find(id);
      flush();
      return store.traces(id);
    },
    reloadFile(fileAutomations) {
      const next = new Map(fileAutomations.map((a) => [a.definition.id, a]));
      const touched: string[] = [];
      for (const [id, entry] of entries) {
        if (entry.source !== 'file') continue;
        const replacement = next.get(id);
        if (replacement && isDeepStrictEqual(replacement.input, entry.input)) {
          next.delete(id);
          continue;
        }
        deactivate(entry);
        entries.delete(id);
        if (!replacement) touched.push(id);
      }
      for (const [id, { definition, input }] of next) {
        const api = entries.get(id);
        if (api) {
          log.warn({ automation: id }, 'an API automation has the id of one in the config file; the file wins');
          deactivate(api);
        }
        const entry: Entry = { source: 'file', input, definition };
        entries.set(id, entry);
        activate(entry);
        touched.push(id);
      }
      return touched;
    },
  };
}

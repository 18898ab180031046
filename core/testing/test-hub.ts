import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { stringify } from 'yaml';
import { createSimBoard, type SimBoard, type SimBoardOptions, type SimHardware } from '../../hardware/index.js';
import { createAlerts, type Alert } from '../alerts/index.js';
import { parseConfig } from '../config/index.js';
import { openDatabase } from '../db/index.js';
import { createContext, createKernel, type Context, type EntityState, type Kernel } from '../kernel/index.js';
import { silentLogger } from '../log.js';
import type { HearthPlugin } from '../plugin-api.js';
import { createPluginHost, type PluginInfo } from '../plugins/index.js';
import { loadTestPlugins } from './load.js';

export interface TestHubOptions {
  /** The hearth.yaml content, as an object or YAML text; validated like the real file. */
  config?: Record<string, unknown> | string;
  /** In-memory plugin modules, used by entries whose `use:` is their key. */
  plugins?: Readonly<Record<string, HearthPlugin<unknown>>>;
  /** The board to run on; default a fresh `createSimBoard(sim)`. */
  hardware?: SimHardware;
  sim?: SimBoardOptions;
  /** Plugin storage lives here; default a temp dir removed on `stop`. Reuse one to test restarts. */
  dataDir?: string;
  log?: Logger;
  /** Users' alarm codes for `ctx.codes.verify` (plain text here; the hub keeps hashes). */
  alarmCodes?: readonly TestAlarmCode[];
}

export interface TestAlarmCode {
  username: string;
  code: string;
  /** A duress code: `verify` says `duress: true`. */
  duress?: boolean;
}

export interface TestHub {
  readonly kernel: Kernel;
  /** The simulated board: drive inputs, read outputs, attach chips, set the weather. */
  readonly sim: SimBoard;
  readonly hardware: SimHardware;
  readonly dataDir: string;
  /** Current state of an entity; throws when it does not exist. */
  state(entityId: string): EntityState;
  states(): EntityState[];
  /** Dispatches a command as the API would; resolves to the state after it. */
  command(entityId: string, command: string, params?: Record<string, unknown>, context?: Context): Promise<EntityState>;
  /** Resolves with the first state of `entityId` that satisfies `predicate` (now or later). */
  waitFor(entityId: string, predicate: (state: EntityState) => boolean): Promise<EntityState>;
  plugins(): PluginInfo[];
  /** Every event the plugins fired, oldest first. */
  events(): { type: string; data: Record<string, unknown> }[];
  /** Every alert the plugins raised (`ctx.alerts.raise`), newest first, deduplicated as the hub does. */
  alerts(): Alert[];
  /** Stops the plugins (outputs to their safe state); `keepBoard` leaves the board open for a restart. */
  stop(options?: { keepBoard?: boolean }): Promise<void>;
}

/**
 * The real kernel and plugin host on a simulated board, without HTTP or a database:
 * what a plugin author needs to test a plugin end to end. Plugin timers are ordinary
 * timers, so `vi.useFakeTimers()` before this call puts the whole hub on fake time.
 */
export async function createTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const text = typeof options.config === 'string' ? options.config : stringify(options.config ?? {});
  const loaded = parseConfig(text, join(process.cwd(), 'test-hub.yaml'));
  const plugins = await loadTestPlugins(loaded, options.plugins ?? {});
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hearth-test-'));
  const hardware = options.hardware ?? createSimBoard(options.sim);
  const log = options.log ?? silentLogger();
  const kernel = createKernel(log);
  const { config } = loaded;
  // In memory: alerts behave as in the hub (checked, deduplicated) and vanish with the test hub.
  const database = openDatabase(':memory:');
  const alerts = createAlerts({ database, bus: kernel.bus, log, notifier: { send: () => {} } });
  const codes = {
    verify: async (code: string) => {
      const found = options.alarmCodes?.find((c) => c.code === code);
      return found && { userId: found.username, username: found.username, duress: found.duress ?? false };
    },
  };
  const host = createPluginHost({ kernel, hardware, log, dataDir, alerts, codes, hub: { name: config.name, ...(config.location && { location: config.location }) } });
  const fired: { type: string; data: Record<string, unknown> }[] = [];
  const offEvents = kernel.bus.on('event', ({ type, data }) => void fired.push({ type, data: { ...data } }));
  await host.start(plugins);

  const state = (entityId: string): EntityState => {
    const current = kernel.states.get(entityId);
    if (!current) throw new Error(`no entity '${entityId}'; known: ${kernel.states.all().map((s) => s.id).join(', ') || 'none'}`);
    return current;
  };

  return {
    kernel,
    sim: hardware.sim,
    hardware,
    dataDir,
    state,
    states: () => kernel.states.all(),
    command: (entityId, command, params = {}, context = createContext()) => kernel.dispatcher.dispatch({ entityId, command, params, context }),
    waitFor(entityId, predicate) {
      return new Promise((resolve) => {
        const current = kernel.states.get(entityId);
        if (current && predicate(current)) return resolve(current);
        const off = kernel.bus.on('state_changed', ({ entityId: id, newState }) => {
          if (id === entityId && newState && predicate(newState)) {
            off();
            resolve(newState);
          }
        });
      });
    },
    plugins: () => host.list(),
    events: () => [...fired],
    alerts: () => alerts.list({ status: 'all', limit: 1000, includeSilent: true }).alerts,
    async stop({ keepBoard = false } = {}) {
      offEvents();
      await host.stop();
      if (!keepBoard) await hardware.close();
      database.close();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

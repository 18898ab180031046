import { fork, type ChildProcess } from 'node:child_process';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hardware } from '../../../hardware/index.js';
import type { Kernel, PluginStatus } from '../../kernel/index.js';
import type { Logger } from 'pino';
import type { PluginContext } from '../../plugin-api.js';
import { CODE_ROOT } from '../../version.js';
import type { LoadedPlugin } from '../load.js';
import type { RestartStory } from '../restart-story.js';
import { trackHardware } from '../tracked-hardware.js';
import type { ChildInit } from './child.js';
import type { AlertSink, CodeVerifier, DetailsSink } from '../entity-port.js';
import { createHardwareServer } from './hardware-server.js';
import { createHubHandlers } from './hub-handlers.js';
import { createRpc, type Rpc, type RpcMessage } from './rpc.js';

export interface SupervisorDeps {
  kernel: Kernel;
  hardware: Hardware;
  log: Logger;
  dataDir: string;
  hub: PluginContext['hub'];
  setupTimeoutMs: number;
  stopTimeoutMs: number;
  /** Decides restarts and keeps their history. */
  story: RestartStory;
  /** A child that does not answer a ping for this long is killed and restarted. */
  pingTimeoutMs?: number;
  onStatus(status: PluginStatus, error?: string): void;
  /** Where the plugin's `ctx.alerts.raise` goes. */
  alerts?: AlertSink;
  /** Where the plugin's `ctx.codes.verify` goes. */
  codes?: CodeVerifier;
  /** Where the plugin's `ctx.status.set` goes. */
  details?: DetailsSink;
}

export interface IsolatedPlugin {
  /** Resolves once the first setup has finished or failed; restarts go on in the background. */
  start(): Promise<void>;
  stop(): Promise<void>;
  entityIds(): string[];
  readonly pid: number | undefined;
}

const here = fileURLToPath(import.meta.url);
const CHILD_FILE = join(CODE_ROOT, 'core', 'plugins', 'isolation', `child${extname(here)}`);
// Sources run under a TypeScript loader (tests, `npm run dev`); Bun runs TypeScript itself.
const LOADER = extname(here) === '.ts' && !process.versions.bun ? ['--import', 'tsx'] : [];

/** Runs one plugin in a supervised child process, restarting it with back-off when it dies. */
export function createIsolatedPlugin(loaded: LoadedPlugin, deps: SupervisorDeps): IsolatedPlugin {
  const { kernel, log } = deps;
  const id = loaded.id;
  const entityIds = new Set<string>();
  let proc: ChildProcess | undefined;
  let rpc: Rpc | undefined;
  let lastError: string | undefined;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let exited: Promise<void> = Promise.resolve();

  function spawnChild(): Promise<void> {
    const limit = loaded.entry.memoryLimitMb;
    const child = fork(CHILD_FILE, [], {
      execArgv: [...LOADER, ...(limit ? [`--max-old-space-size=${limit}`] : [])],
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    proc = child;
    lastError = undefined;
    let stderrTail = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-2000)));
    child.stdout?.on('data', (chunk: Buffer) => log.info({ plugin: id, isolated: true }, chunk.toString().trim()));
    const tracked = trackHardware(deps.hardware, (_where, fn) => () => void fn());
    // A child dying mid-send closes the pipe (EPIPE); its exit handler does the reporting.
    const send = (m: RpcMessage) => child.connected && child.send(m, (err) => err && log.debug({ plugin: id, err: err.message }, 'IPC send to a closing child failed'));
    child.on('error', (err) => log.warn({ plugin: id, err: err.message }, 'isolated plugin process error'));
    const channel = createRpc(send, {
      ...createHubHandlers(id, kernel, log, () => channel, entityIds, deps.alerts, deps.codes, deps.details),
      ...createHardwareServer(tracked.hardware, () => channel),
      failed: (where: string, message: string) => void (lastError = `${where}: ${message}`),
    });
    rpc = channel;
    child.on('message', (m) => channel.receive(m));
    const mirror = kernel.bus.on('state_changed', ({ newState }) => newState && channel.notify('state', newState));
    const ping = setInterval(() => {
      const timeout = setTimeout(() => {
        lastError = `not responding for ${(deps.pingTimeoutMs ?? 10_000) / 1000} s (event loop blocked?)`;
        child.kill('SIGKILL');
      }, deps.pingTimeoutMs ?? 10_000);
      void channel
        .call('ping')
        .catch(() => undefined)
        .finally(() => clearTimeout(timeout));
    }, 5_000);
    exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        clearInterval(ping);
        mirror();
        channel.closeAll(`plugin '${id}' exited`);
        void tracked.release().finally(() => {
          onExit(code, signal, stderrTail, limit);
          resolve();
        });
      }),
    );
    const init: ChildInit = {
      file: loaded.file,
      pluginId: id,
      config: loaded.config,
      hub: deps.hub,
      dataDir: deps.dataDir,
      backend: deps.hardware.backend,
      states: kernel.states.all(),
      logLevel: log.level,
    };
    const setupTimer = setTimeout(() => {
      lastError = `setup: did not finish within ${deps.setupTimeoutMs / 1000} s`;
      child.kill('SIGKILL');
    }, deps.setupTimeoutMs);
    return channel
      .call('init', init)
      .then(() => deps.onStatus('running'))
      .catch(() => undefined)
      .finally(() => clearTimeout(setupTimer));
  }

  function onExit(code: number | null, signal: NodeJS.Signals | null, stderrTail: string, limitMb?: number): void {
    proc = undefined;
    if (stopping) return deps.onStatus('stopped');
    const outOfMemory = /heap out of memory|Allocation failed/i.test(stderrTail);
    const cause = outOfMemory ? `ran out of memory (limit ${limitMb ?? 'default'} MB)` : (lastError ?? 'exited');
    const decision = deps.story.failed({ error: cause, ...(signal ? { signal } : code !== null && { exitCode: code }) });
    log.error({ plugin: id, code, signal }, `isolated plugin died: ${decision.reason}`);
    for (const entityId of entityIds) {
      kernel.dispatcher.unregister(entityId, decision.giveUp ? `plugin '${id}' failed (${decision.reason})` : `plugin '${id}' is restarting after a crash`);
      kernel.states.update(entityId, { available: false });
    }
    deps.onStatus(decision.giveUp ? 'failed' : 'restarting', decision.reason);
    if (!decision.giveUp) {
      restartTimer = setTimeout(() => {
        deps.story.restarting();
        void spawnChild();
      }, decision.delayMs);
    }
  }

  return {
    start: () => spawnChild(),
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      if (!proc) return deps.onStatus('stopped');
      const child = proc;
      rpc?.notify('stop');
      const killer = setTimeout(() => child.kill('SIGKILL'), deps.stopTimeoutMs);
      await exited;
      clearTimeout(killer);
    },
    entityIds: () => [...entityIds],
    get pid() {
      return proc?.pid;
    },
  };
}

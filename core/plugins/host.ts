import { errorMessage } from '../errors.js';
import type { Kernel, PluginStatus } from '../kernel/index.js';
import { createKernelPort } from './entity-port.js';
import type { PluginInfo } from './info.js';
import type { CrashPolicyOptions } from './isolation/crash-policy.js';
import { createIsolatedPlugin } from './isolation/supervisor.js';
import type { LoadedPlugin } from './load.js';
import { createPluginRuntime, withTimeout, type RuntimeDeps } from './runtime.js';

export type { PluginInfo } from './info.js';

export interface PluginHostOptions {
  /** Default bound on `setup`, overridden per entry by `setupTimeoutS`. */
  setupTimeoutMs?: number;
  /** Bound on each plugin's stop. */
  stopTimeoutMs?: number;
  /** Plugins to isolate although their entry does not say so (auto-isolation after a block). */
  isolate?: ReadonlySet<string>;
  crashPolicy?: CrashPolicyOptions;
}

export interface PluginHostDeps extends Omit<RuntimeDeps, 'entities'> {
  kernel: Kernel;
}

export interface PluginHost {
  /** Runs each plugin's setup in config order; a failing one is isolated, never thrown. */
  start(plugins: readonly LoadedPlugin[]): Promise<void>;
  /** Stops running plugins in reverse order, each bounded. */
  stop(): Promise<void>;
  list(): PluginInfo[];
  /** Records a problem against a plugin without stopping it (a blocked event loop). */
  warn(pluginId: string, message: string): void;
}

interface Instance {
  loaded: LoadedPlugin;
  isolated: boolean;
  status: PluginStatus;
  error?: string;
  entityIds(): string[];
  stop(): Promise<void>;
  pid?(): number | undefined;
}

export function createPluginHost(deps: PluginHostDeps, options: PluginHostOptions = {}): PluginHost {
  const { kernel, log } = deps;
  const runtimeDeps: RuntimeDeps = { ...deps, entities: createKernelPort(kernel) };
  const setupTimeoutMs = options.setupTimeoutMs ?? 10_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 2_000;
  const instances: Instance[] = [];

  function setStatus(instance: Instance, status: PluginStatus, error?: string): void {
    instance.status = status;
    instance.error = error;
    kernel.bus.emit('plugin_status', { pluginId: instance.loaded.id, status, ...(error && { error }) });
  }

  const timeoutOf = (loaded: LoadedPlugin) => (loaded.entry.setupTimeoutS ? loaded.entry.setupTimeoutS * 1000 : setupTimeoutMs);

  /** In process: a failure marks the plugin failed and makes it harmless; every other plugin goes on. */
  async function startInProcess(loaded: LoadedPlugin): Promise<void> {
    const instance = { loaded, isolated: false, status: 'loading' } as Instance;
    const runtime = createPluginRuntime(loaded, runtimeDeps, (err, where) => fail(err, where));
    instance.entityIds = () => [...runtime.entityIds];
    instance.stop = async () => {
      const wasRunning = instance.status !== 'failed';
      await runtime.teardown(stopTimeoutMs);
      if (wasRunning) setStatus(instance, 'stopped');
    };
    function fail(err: unknown, where: string): void {
      if (instance.status === 'failed' || instance.status === 'stopped') return;
      const message = `${where}: ${errorMessage(err)}`;
      log.error({ plugin: loaded.id, err }, `plugin failed in ${where}`);
      setStatus(instance, 'failed', message);
      for (const entityId of runtime.entityIds) {
        kernel.dispatcher.unregister(entityId, `plugin '${loaded.id}' failed (${message})`);
        kernel.states.update(entityId, { available: false });
      }
      void runtime.teardown(stopTimeoutMs);
    }
    instances.push(instance);
    setStatus(instance, 'loading');
    try {
      const runSetup = () => loaded.plugin.setup(runtime.ctx);
      const { watchdog } = runtimeDeps;
      const setup = Promise.resolve().then(() => (watchdog ? watchdog.run(loaded.id, runSetup) : runSetup()));
      await withTimeout(setup, timeoutOf(loaded), 'setup');
      if (instance.status === 'loading') setStatus(instance, 'running');
    } catch (err) {
      fail(err, 'setup');
    }
  }

  async function startIsolated(loaded: LoadedPlugin): Promise<void> {
    const instance = { loaded, isolated: true, status: 'loading' } as Instance;
    const child = createIsolatedPlugin(loaded, {
      ...deps,
      setupTimeoutMs: timeoutOf(loaded),
      stopTimeoutMs,
      ...(options.crashPolicy && { crashPolicy: options.crashPolicy }),
      onStatus: (status, error) => setStatus(instance, status, error),
    });
    instance.entityIds = child.entityIds;
    instance.stop = child.stop;
    instance.pid = () => child.pid;
    instances.push(instance);
    setStatus(instance, 'loading');
    await child.start();
  }

  return {
    async start(plugins) {
      for (const loaded of plugins) {
        const isolated = loaded.entry.isolate ?? options.isolate?.has(loaded.id) ?? false;
        await (isolated ? startIsolated(loaded) : startInProcess(loaded));
      }
    },
    async stop() {
      for (const instance of [...instances].reverse()) await instance.stop();
    },
    warn(pluginId, message) {
      const instance = instances.find((i) => i.loaded.id === pluginId);
      if (instance && instance.status === 'running') instance.error = message;
    },
    list: () =>
      instances.map(({ loaded, status, error, isolated, entityIds, pid }) => ({
        id: loaded.id,
        name: loaded.plugin.manifest.name,
        version: loaded.plugin.manifest.version,
        ...(loaded.plugin.manifest.description && { description: loaded.plugin.manifest.description }),
        status,
        ...(error && { error }),
        isolated,
        ...(pid?.() !== undefined && { pid: pid() }),
        entities: entityIds(),
        configSchema: loaded.plugin.manifest.configSchema,
      })),
  };
}

import type { JsonSchema } from '../plugin-api.js';
import { errorMessage } from '../errors.js';
import type { PluginStatus } from '../kernel/index.js';
import type { LoadedPlugin } from './load.js';
import { createPluginRuntime, withTimeout, type PluginRuntime, type RuntimeDeps } from './runtime.js';

export interface PluginInfo {
  id: string;
  name: string;
  version: string;
  description?: string;
  status: PluginStatus;
  error?: string;
  entities: string[];
  configSchema: JsonSchema;
}

export interface PluginHostOptions {
  /** Default bound on `setup`, overridden per entry by `setupTimeoutS`. */
  setupTimeoutMs?: number;
  /** Bound on each plugin's stop. */
  stopTimeoutMs?: number;
}

export interface PluginHost {
  /** Runs each plugin's setup in config order; a failing one is isolated, never thrown. */
  start(plugins: readonly LoadedPlugin[]): Promise<void>;
  /** Stops running plugins in reverse order, each bounded. */
  stop(): Promise<void>;
  list(): PluginInfo[];
}

interface Instance {
  loaded: LoadedPlugin;
  runtime: PluginRuntime;
  status: PluginStatus;
  error?: string;
}

export function createPluginHost(deps: RuntimeDeps, options: PluginHostOptions = {}): PluginHost {
  const { kernel, log } = deps;
  const setupTimeoutMs = options.setupTimeoutMs ?? 10_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 2_000;
  const instances: Instance[] = [];

  function setStatus(instance: Instance, status: PluginStatus, error?: string): void {
    instance.status = status;
    instance.error = error;
    kernel.bus.emit('plugin_status', { pluginId: instance.loaded.id, status, ...(error && { error }) });
  }

  /** Marks one plugin failed and makes it harmless; every other plugin goes on. */
  function fail(instance: Instance, err: unknown, where: string): void {
    if (instance.status === 'failed' || instance.status === 'stopped') return;
    const message = `${where}: ${errorMessage(err)}`;
    log.error({ plugin: instance.loaded.id, err }, `plugin failed in ${where}`);
    setStatus(instance, 'failed', message);
    for (const entityId of instance.runtime.entityIds) {
      kernel.dispatcher.unregister(entityId, `plugin '${instance.loaded.id}' failed (${message})`);
      kernel.states.update(entityId, { available: false });
    }
    void instance.runtime.teardown(stopTimeoutMs);
  }

  async function startOne(loaded: LoadedPlugin): Promise<void> {
    const instance = { loaded, status: 'loading' } as Instance;
    instance.runtime = createPluginRuntime(loaded, deps, (err, where) => fail(instance, err, where));
    instances.push(instance);
    setStatus(instance, 'loading');
    const timeoutMs = loaded.entry.setupTimeoutS ? loaded.entry.setupTimeoutS * 1000 : setupTimeoutMs;
    try {
      await withTimeout(Promise.resolve().then(() => loaded.plugin.setup(instance.runtime.ctx)), timeoutMs, 'setup');
      if (instance.status === 'loading') setStatus(instance, 'running');
    } catch (err) {
      fail(instance, err, 'setup');
    }
  }

  return {
    async start(plugins) {
      for (const loaded of plugins) await startOne(loaded);
    },
    async stop() {
      for (const instance of [...instances].reverse()) {
        const wasRunning = instance.status !== 'failed';
        await instance.runtime.teardown(stopTimeoutMs);
        if (wasRunning) setStatus(instance, 'stopped');
      }
    },
    list: () =>
      instances.map(({ loaded, status, error, runtime }) => ({
        id: loaded.id,
        name: loaded.plugin.manifest.name,
        version: loaded.plugin.manifest.version,
        ...(loaded.plugin.manifest.description && { description: loaded.plugin.manifest.description }),
        status,
        ...(error && { error }),
        entities: [...runtime.entityIds],
        configSchema: loaded.plugin.manifest.configSchema,
      })),
  };
}

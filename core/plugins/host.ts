import type { Kernel, PluginStatus } from '../kernel/index.js';
import { blamedPlugins } from './attribution.js';
import { createKernelPort, type AlertSink, type CodeVerifier } from './entity-port.js';
import { createInProcessPlugin } from './in-process.js';
import type { PluginInfo } from './info.js';
import type { CrashPolicyOptions } from './isolation/crash-policy.js';
import { createIsolatedPlugin } from './isolation/supervisor.js';
import type { LoadedPlugin } from './load.js';
import { isBuiltinPlugin } from './resolve.js';
import { createRestartStory, type RestartStory } from './restart-story.js';
import type { RuntimeDeps } from './runtime.js';

export type { PluginFailure, PluginInfo } from './info.js';

export interface PluginHostOptions {
  /** Default bound on `setup`, overridden per entry by `setupTimeoutS`. */
  setupTimeoutMs?: number;
  /** Bound on each plugin's stop. */
  stopTimeoutMs?: number;
  /** Plugins to isolate although their entry does not say so (auto-isolation). */
  isolate?: ReadonlySet<string>;
  crashPolicy?: CrashPolicyOptions;
}

export interface PluginHostDeps extends Omit<RuntimeDeps, 'entities'> {
  kernel: Kernel;
  /** Records a plugin from outside Hearth to run isolated from the next start. */
  autoIsolate?(pluginId: string): void;
  /** The hub's alerts, for `ctx.alerts.raise`; without them a raise rejects. */
  alerts?: AlertSink;
  /** Users' alarm codes, for `ctx.codes.verify`; without them no code matches. */
  codes?: CodeVerifier;
}

export interface PluginHost {
  /** Runs each plugin's setup in config order; a failing one is isolated, never thrown. */
  start(plugins: readonly LoadedPlugin[]): Promise<void>;
  /** Stops running plugins in reverse order, each bounded. */
  stop(): Promise<void>;
  /**
   * Stops one plugin for good (a config reload removed or changed it): its lines are
   * released to their inactive level and its entities leave the registry. Others go on.
   */
  stopPlugin(pluginId: string): Promise<void>;
  /** Starts one more plugin (a config reload added or changed it); like `start`, a failure is isolated. */
  startPlugin(plugin: LoadedPlugin): Promise<void>;
  list(): PluginInfo[];
  /** Records a problem against a plugin without stopping it (a blocked event loop). */
  warn(pluginId: string, message: string): void;
  /**
   * Fails the in-process plugin an uncaught error belongs to (by the scope it was thrown
   * in, or by its module in the stack); false when no plugin can be blamed.
   */
  blame(err: unknown, kind: string): boolean;
}

interface Instance {
  loaded: LoadedPlugin;
  isolated: boolean;
  autoIsolated: boolean;
  status: PluginStatus;
  error?: string;
  story: RestartStory;
  entityIds(): string[];
  stop(): Promise<void>;
  pid?(): number | undefined;
  fail?(err: unknown, where: string): void;
}

export function createPluginHost(deps: PluginHostDeps, options: PluginHostOptions = {}): PluginHost {
  const { kernel, log } = deps;
  const details = new Map<string, Readonly<Record<string, unknown>>>();
  const detailsSink = { set: (pluginId: string, value: Readonly<Record<string, unknown>>) => void details.set(pluginId, value) };
  const runtimeDeps: RuntimeDeps = { ...deps, entities: createKernelPort(kernel, deps.alerts, deps.codes, detailsSink) };
  const setupTimeoutMs = options.setupTimeoutMs ?? 10_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 2_000;
  const instances: Instance[] = [];

  function setStatus(instance: Instance, status: PluginStatus, error?: string): void {
    instance.status = status;
    instance.error = error;
    kernel.bus.emit('plugin_status', { pluginId: instance.loaded.id, status, ...(error && { error }) });
  }

  const timeoutOf = (loaded: LoadedPlugin) => (loaded.entry.setupTimeoutS ? loaded.entry.setupTimeoutS * 1000 : setupTimeoutMs);

  async function start(loaded: LoadedPlugin): Promise<void> {
    const autoIsolated = loaded.entry.isolate === undefined && (options.isolate?.has(loaded.id) ?? false);
    const isolated = loaded.entry.isolate ?? autoIsolated;
    const instance = { loaded, isolated, autoIsolated, status: 'loading', story: createRestartStory(options.crashPolicy) } as Instance;
    const common = { kernel, setupTimeoutMs: timeoutOf(loaded), stopTimeoutMs, story: instance.story, onStatus: (status: PluginStatus, error?: string) => setStatus(instance, status, error) };
    const managed = isolated ? createIsolatedPlugin(loaded, { ...deps, ...common, details: detailsSink }) : createInProcessPlugin(loaded, { ...common, runtime: runtimeDeps });
    instance.entityIds = managed.entityIds;
    instance.stop = managed.stop;
    if ('fail' in managed) instance.fail = managed.fail;
    else instance.pid = () => managed.pid;
    instances.push(instance);
    setStatus(instance, 'loading');
    await managed.start();
  }

  return {
    async start(plugins) {
      for (const loaded of plugins) await start(loaded);
    },
    async stop() {
      for (const instance of [...instances].reverse()) await instance.stop();
    },
    async stopPlugin(pluginId) {
      const instance = instances.find((i) => i.loaded.id === pluginId);
      if (!instance) return;
      await instance.stop();
      instances.splice(instances.indexOf(instance), 1);
      for (const entityId of instance.entityIds()) {
        kernel.dispatcher.unregister(entityId, `plugin '${pluginId}' was removed from the config`);
        kernel.registry.remove(entityId);
        kernel.states.delete(entityId);
      }
    },
    startPlugin: start,
    warn(pluginId, message) {
      const instance = instances.find((i) => i.loaded.id === pluginId);
      if (instance && instance.status === 'running') instance.error = message;
    },
    blame(err, kind) {
      const inProcess = instances.filter((i) => i.fail);
      // Only modules from outside Hearth are searched for in stacks: the built-in ones may share a bundle.
      const modules = inProcess.filter((i) => !isBuiltinPlugin(i.loaded.file)).map((i) => ({ pluginId: i.loaded.id, file: i.loaded.file }));
      const ids = blamedPlugins(err, modules);
      const blamed = inProcess.filter((i) => ids.includes(i.loaded.id));
      for (const instance of blamed) {
        const outside = !isBuiltinPlugin(instance.loaded.file) && instance.loaded.entry.autoIsolate !== false;
        if (outside) deps.autoIsolate?.(instance.loaded.id);
        log.error({ plugin: instance.loaded.id, err }, `${kind} in plugin '${instance.loaded.id}'${outside ? '; it will run isolated from the next start' : ''}`);
        instance.fail!(err, kind);
      }
      return blamed.length > 0;
    },
    list: () =>
      instances.map(({ loaded, status, error, isolated, autoIsolated, story, entityIds, pid }) => ({
        id: loaded.id,
        name: loaded.plugin.manifest.name,
        version: loaded.plugin.manifest.version,
        ...(loaded.plugin.manifest.description && { description: loaded.plugin.manifest.description }),
        status,
        ...(error && { error }),
        ...story.view(),
        isolated,
        autoIsolated,
        ...(pid?.() !== undefined && { pid: pid() }),
        entities: entityIds(),
        ...(details.has(loaded.id) && { details: details.get(loaded.id) }),
        configSchema: loaded.plugin.manifest.configSchema,
      })),
  };
}

import { errorMessage } from '../errors.js';
import type { Kernel, PluginStatus } from '../kernel/index.js';
import { runOutsidePluginScope } from './attribution.js';
import type { LoadedPlugin } from './load.js';
import type { RestartStory } from './restart-story.js';
import { createPluginRuntime, withTimeout, type PluginRuntime, type RuntimeDeps } from './runtime.js';

export interface InProcessDeps {
  kernel: Kernel;
  runtime: RuntimeDeps;
  setupTimeoutMs: number;
  stopTimeoutMs: number;
  /** Decides restarts and keeps their history, as for an isolated plugin. */
  story: RestartStory;
  onStatus(status: PluginStatus, error?: string): void;
}

export interface InProcessPlugin {
  /** Resolves once the first setup has finished or failed; restarts go on in the background. */
  start(): Promise<void>;
  stop(): Promise<void>;
  entityIds(): string[];
  /** Fails the running plugin for an error blamed on it from outside its callbacks (a raw timer's throw). */
  fail(err: unknown, where: string): void;
}

/**
 * Runs one plugin in the hub's process. A failure makes it harmless at once — its
 * entities unavailable, its commands refused, its timers and lines released — and it
 * is set up again after the same back-off an isolated child gets.
 */
export function createInProcessPlugin(loaded: LoadedPlugin, deps: InProcessDeps): InProcessPlugin {
  const { kernel } = deps;
  const { log } = deps.runtime;
  const id = loaded.id;
  const entityIds = new Set<string>();
  let current: PluginRuntime | undefined;
  let status: PluginStatus = 'loading';
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let tornDown: Promise<void> = Promise.resolve();

  const report = (next: PluginStatus, error?: string): void => {
    status = next;
    deps.onStatus(next, error);
  };

  async function run(): Promise<void> {
    const runtime: PluginRuntime = createPluginRuntime(loaded, deps.runtime, (err, where) => failRun(runtime, err, where));
    current = runtime;
    try {
      await withTimeout(runtime.setup((ctx) => loaded.plugin.setup(ctx)), deps.setupTimeoutMs, 'setup');
      if (current === runtime) report('running');
    } catch (err) {
      failRun(runtime, err, 'setup');
    } finally {
      for (const entityId of runtime.entityIds) entityIds.add(entityId);
    }
  }

  /**
   * Runs outside the plugin's scope although its error arrives inside it: what the hub
   * does here (state changes that wake automations, the restart timer) is not the plugin's.
   */
  const failRun = (runtime: PluginRuntime, err: unknown, where: string): void => runOutsidePluginScope(() => failRunNow(runtime, err, where));

  function failRunNow(runtime: PluginRuntime, err: unknown, where: string): void {
    if (runtime !== current || stopping) return; // a late error from a run already torn down
    current = undefined;
    const decision = deps.story.failed({ error: `${where}: ${errorMessage(err)}` });
    log.error({ plugin: id, err }, `plugin failed in ${where}: ${decision.reason}`);
    for (const entityId of runtime.entityIds) {
      kernel.dispatcher.unregister(entityId, decision.giveUp ? `plugin '${id}' failed (${decision.reason})` : `plugin '${id}' is restarting after a failure`);
      kernel.states.update(entityId, { available: false });
    }
    tornDown = runtime.teardown(deps.stopTimeoutMs);
    report(decision.giveUp ? 'failed' : 'restarting', decision.reason);
    if (decision.giveUp) return;
    restartTimer = setTimeout(() => {
      void tornDown.then(() => {
        if (stopping) return;
        deps.story.restarting();
        return run();
      });
    }, decision.delayMs);
  }

  return {
    start: run,
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      const runtime = current;
      current = undefined;
      await tornDown;
      await runtime?.teardown(deps.stopTimeoutMs);
      if (status !== 'failed') report('stopped');
    },
    // Entities added after setup (MQTT discovery, a late device) are the plugin's as much as those of setup.
    entityIds: () => [...new Set([...entityIds, ...(current?.entityIds ?? [])])],
    fail(err, where) {
      if (current) failRun(current, err, where);
    },
  };
}

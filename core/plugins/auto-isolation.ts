import { join } from 'node:path';
import type { Logger } from 'pino';
import type { LoadedPlugin } from './load.js';
import { isBuiltinPlugin } from './resolve.js';
import { readAutoIsolated, recordAutoIsolated, startBlockWatchdog, startTimedWatchdog, type BlockWatchdog } from './watchdog.js';

export interface AutoIsolation {
  readonly watchdog: BlockWatchdog;
  /** Plugins to isolate at this start because they blocked the event loop or threw outside their callbacks before. */
  readonly isolate: ReadonlySet<string>;
  /** Isolates a plugin from the next start on (unless its entry says `autoIsolate: false`). */
  record(pluginId: string): void;
}

/**
 * Watches for plugins that block the event loop, takes note of those whose errors
 * escaped their callbacks (the host blames them), and isolates both from the next
 * start on, unless their entry says `autoIsolate: false`. A watchdog thread, which
 * also catches a callback that never returns, runs only when a plugin from outside
 * Hearth runs in process; Hearth's own plugins are timed on the main thread.
 */
export function startAutoIsolation(options: {
  dataDir: string;
  plugins: readonly LoadedPlugin[];
  log: Logger;
  warn(pluginId: string, message: string): void;
}): AutoIsolation {
  const { log, plugins } = options;
  const file = join(options.dataDir, 'plugins', 'auto-isolate.json');
  const exempt = new Set(plugins.filter((p) => p.entry.autoIsolate === false).map((p) => p.id));
  const isolate = new Set([...readAutoIsolated(file)].filter((id) => !exempt.has(id)));
  if (isolate.size) log.warn({ plugins: [...isolate] }, 'isolating plugins that blocked the event loop before');
  const inProcess = plugins.filter((p) => !(p.entry.isolate ?? isolate.has(p.id)));
  const start = inProcess.every((p) => isBuiltinPlugin(p.file)) ? startTimedWatchdog : startBlockWatchdog;
  const watchdog = start({
    autoIsolateFile: file,
    exempt,
    onBlocked(pluginId, ms) {
      const seconds = (ms / 1000).toFixed(1);
      if (!pluginId) return log.warn({ blockedMs: ms }, `event loop blocked for ${seconds} s`);
      log.warn({ plugin: pluginId, blockedMs: ms }, `plugin blocked the event loop for ${seconds} s`);
      options.warn(pluginId, `blocked the event loop for ${seconds} s${exempt.has(pluginId) ? '' : '; it will run isolated from the next start'}`);
    },
  });
  return { watchdog, isolate, record: (pluginId) => !exempt.has(pluginId) && recordAutoIsolated(file, pluginId) };
}

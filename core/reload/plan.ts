/** What a config reload has to do, worked out from the running config and the new one (pure). */
import { isDeepStrictEqual } from 'node:util';
import type { HearthConfig } from '../config/index.js';
import type { LoadedPlugin } from '../plugins/index.js';

/** A config and its plugins, resolved and validated. */
export interface RunningConfig {
  config: HearthConfig;
  plugins: readonly LoadedPlugin[];
}

/** Sections the hub reads only at start: a change is saved but waits for a restart of the service. */
const AT_START = ['location', 'server', 'storage', 'hardware', 'mqtt', 'schedules', 'backup', 'floorplans', 'metrics', 'notify', 'alerts', 'energy'] as const;

export interface ReloadPlan {
  /** Plugin ids to stop, last configured first: removed ones and changed ones. */
  stop: string[];
  /** Plugins to start, in config order: changed ones (again) and added ones. */
  start: LoadedPlugin[];
  /** Ids of plugins in both `stop` and `start`. */
  restarted: string[];
  /** The sections of `AT_START` that changed. */
  restartNeeded: string[];
}

export function planReload(current: RunningConfig, next: RunningConfig): ReloadPlan {
  const before = new Map(current.plugins.map((p) => [p.id, p]));
  const after = new Map(next.plugins.map((p) => [p.id, p]));
  const changed = (p: LoadedPlugin) => {
    const old = before.get(p.id);
    return old !== undefined && (old.file !== p.file || !isDeepStrictEqual(old.entry, p.entry));
  };
  const restarted = next.plugins.filter(changed).map((p) => p.id);
  return {
    stop: current.plugins
      .filter((p) => !after.has(p.id) || restarted.includes(p.id))
      .map((p) => p.id)
      .reverse(),
    start: next.plugins.filter((p) => !before.has(p.id) || restarted.includes(p.id)),
    restarted,
    restartNeeded: AT_START.filter((key) => !isDeepStrictEqual(current.config[key], next.config[key])),
  };
}

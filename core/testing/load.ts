import type { LoadedConfig } from '../config/index.js';
import { importPluginModule, loadPlugins, type LoadedPlugin } from '../plugins/index.js';
import type { HearthPlugin } from '../plugin-api.js';

/**
 * Loads the config's plugin entries with the hub's own loader, except that an entry
 * whose `use:` names one of `inline` gets that in-memory module: a plugin author tests
 * the module under development without packaging it first, and whatever the hub would
 * refuse (manifest, API version, duplicate ids, config) the harness refuses alike.
 */
export function loadTestPlugins(loaded: LoadedConfig, inline: Readonly<Record<string, HearthPlugin<unknown>>>): Promise<LoadedPlugin[]> {
  return loadPlugins(loaded, (use, configDir) =>
    Object.hasOwn(inline, use) ? Promise.resolve({ module: inline[use], file: `inline:${use}` }) : importPluginModule(use, configDir),
  );
}

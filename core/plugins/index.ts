export { createPluginHost, type PluginHost, type PluginHostDeps, type PluginHostOptions, type PluginInfo } from './host.js';
export { describePlugin, importPluginModule, loadPlugins, pluginConfigOf, type LoadablePlugin, type LoadedPlugin, type PluginImporter } from './load.js';
export { builtinNames, resolvePlugin, PLUGIN_KEYWORD } from './resolve.js';
export type { RuntimeDeps } from './runtime.js';
export { readAutoIsolated, startBlockWatchdog, type BlockWatchdog } from './watchdog.js';
export { startAutoIsolation, type AutoIsolation } from './auto-isolation.js';

import { ConfigError, type ConfigIssue, type LoadedConfig } from '../config/index.js';
import { loadPlugins, pluginConfigOf, type LoadedPlugin } from '../plugins/index.js';
import { createConfigSchemaCompiler } from '../plugins/validate-config.js';
import { PLUGIN_API_VERSION, type HearthPlugin } from '../plugin-api.js';

/**
 * Loads the config's plugin entries like the hub does, except that an entry whose `use:`
 * names one of `inline` gets that in-memory module: a plugin author tests the module
 * under development without packaging it first. Config errors are the hub's, located.
 */
export async function loadTestPlugins(loaded: LoadedConfig, inline: Readonly<Record<string, HearthPlugin<never>>>): Promise<LoadedPlugin[]> {
  const issues: ConfigIssue[] = [];
  const result: LoadedPlugin[] = [];
  const compileConfigSchema = createConfigSchemaCompiler();
  for (const [index, entry] of loaded.config.plugins.entries()) {
    const plugin = inline[entry.use] as HearthPlugin | undefined;
    try {
      if (!plugin) {
        const remapped: LoadedConfig = {
          ...loaded,
          config: { ...loaded.config, plugins: [entry] },
          issue: (path, message, key) => loaded.issue(path[0] === 'plugins' ? ['plugins', index, ...path.slice(2)] : path, message, key),
        };
        result.push(...(await loadPlugins(remapped)));
        continue;
      }
      if (plugin.manifest.apiVersion !== PLUGIN_API_VERSION) {
        throw new ConfigError([loaded.issue(['plugins', index, 'use'], `plugin '${entry.use}' targets plugin API ${String(plugin.manifest.apiVersion)}, not ${PLUGIN_API_VERSION}`)]);
      }
      const id = entry.id ?? plugin.manifest.id;
      const config = pluginConfigOf(entry);
      const schemaIssues = compileConfigSchema(plugin.manifest.configSchema)(config);
      issues.push(...schemaIssues.map((i) => loaded.issue(['plugins', index, ...i.path], `plugin '${id}': ${i.message}`, i.key)));
      result.push({ id, entry, plugin, config, file: `inline:${entry.use}` });
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      issues.push(...err.issues);
    }
  }
  if (issues.length) throw new ConfigError(issues);
  return result;
}

import { pathToFileURL } from 'node:url';
import { ConfigError, HOST_PLUGIN_KEYS, type ConfigIssue, type LoadedConfig, type PluginEntry } from '../config/index.js';
import { errorMessage } from '../errors.js';
import { PLUGIN_API_VERSION, type HearthPlugin } from '../plugin-api.js';
import { resolvePlugin } from './resolve.js';
import { createConfigSchemaCompiler } from './validate-config.js';

export interface LoadedPlugin {
  /** Instance id: the entry's `id:` or the manifest id. */
  id: string;
  entry: PluginEntry;
  plugin: HearthPlugin;
  /** The entry minus the host's keys, validated (and defaulted) by the plugin's schema. */
  config: Record<string, unknown>;
  /** The module file, so an isolated child can import the same code. */
  file: string;
}

/** Resolves, imports and validates every plugin entry; all problems are reported together. */
export async function loadPlugins(loaded: LoadedConfig): Promise<LoadedPlugin[]> {
  const issues: ConfigIssue[] = [];
  const result: LoadedPlugin[] = [];
  const ids = new Set<string>();
  const compileConfigSchema = createConfigSchemaCompiler();
  for (const [index, entry] of loaded.config.plugins.entries()) {
    const at = (path: (string | number)[], message: string, key?: string) => loaded.issue(['plugins', index, ...path], message, key);
    try {
      const file = resolvePlugin(entry.use, loaded.dir);
      const plugin = checkShape(await importPlugin(file), entry.use);
      const id = entry.id ?? plugin.manifest.id;
      if (ids.has(id)) {
        issues.push(at(['use'], `plugin instance '${id}' is configured twice; give one an 'id:'`));
        continue;
      }
      ids.add(id);
      const config = pluginConfigOf(entry);
      const schemaIssues = compileConfigSchema(plugin.manifest.configSchema)(config);
      issues.push(...schemaIssues.map((i) => at(i.path, `plugin '${id}': ${i.message}`, i.key)));
      result.push({ id, entry, plugin, config, file });
    } catch (err) {
      issues.push(at(['use'], errorMessage(err)));
    }
  }
  if (issues.length) throw new ConfigError(issues);
  return result;
}

export function pluginConfigOf(entry: PluginEntry): Record<string, unknown> {
  const config: Record<string, unknown> = { ...entry };
  for (const key of HOST_PLUGIN_KEYS) delete config[key];
  return config;
}

async function importPlugin(file: string): Promise<unknown> {
  try {
    const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    return module.default;
  } catch (err) {
    throw new Error(`cannot load plugin module ${file}: ${errorMessage(err)}`);
  }
}

function checkShape(value: unknown, use: string): HearthPlugin {
  const plugin = value as Partial<HearthPlugin> | undefined;
  const manifest = plugin?.manifest;
  if (!manifest || typeof plugin?.setup !== 'function') {
    throw new Error(`'${use}' is not a Hearth plugin: its default export must be { manifest, setup(ctx) }`);
  }
  if (manifest.apiVersion !== PLUGIN_API_VERSION) {
    throw new Error(
      `plugin '${manifest.id ?? use}' ${manifest.version ?? ''} was written for plugin API ${String(manifest.apiVersion)}, this hub provides API ${PLUGIN_API_VERSION}; install a matching version of the plugin`,
    );
  }
  if (typeof manifest.id !== 'string' || !/^[a-z0-9-]+$/.test(manifest.id)) {
    throw new Error(`plugin '${use}' has an invalid manifest id ${JSON.stringify(manifest.id)}`);
  }
  if (!manifest.configSchema || typeof manifest.configSchema !== 'object') {
    throw new Error(`plugin '${manifest.id}' declares no configSchema`);
  }
  return plugin as HearthPlugin;
}

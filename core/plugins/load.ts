import { pathToFileURL } from 'node:url';
import { ConfigError, HOST_PLUGIN_KEYS, type ConfigIssue, type LoadedConfig, type PluginEntry } from '../config/index.js';
import { errorMessage } from '../errors.js';
import { PLUGIN_API_VERSION, type HearthPlugin, type JsonSchema, type PluginManifest } from '../plugin-api.js';
import { resolvePlugin } from './resolve.js';
import { checkPluginConfig, createConfigSchemaCompiler } from './validate-config.js';

export interface LoadedPlugin {
  /** Instance id: the entry's `id:` or the manifest id. */
  id: string;
  entry: PluginEntry;
  /** The module's plugin, its manifest completed with the JSON Schema of its config. */
  plugin: LoadablePlugin;
  /** The entry minus the host's keys, as the plugin's schema parsed it (defaults applied): what `setup` gets. */
  config: Record<string, unknown>;
  /** The module file, so an isolated child can import the same code. */
  file: string;
}

export type LoadablePlugin = HearthPlugin<unknown> & { manifest: PluginManifest & { configSchema: JsonSchema } };

/** Finds the module a `use:` names and returns its default export, unchecked. */
export type PluginImporter = (use: string, configDir: string) => Promise<{ module: unknown; file: string }>;

export const importPluginModule: PluginImporter = async (use, configDir) => {
  const file = resolvePlugin(use, configDir);
  try {
    const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    return { module: module.default, file };
  } catch (err) {
    throw new Error(`cannot load plugin module ${file}: ${errorMessage(err)}`);
  }
};

/**
 * Resolves, imports and validates every plugin entry; all problems are reported
 * together. The test harness passes its own importer and nothing else, so a plugin it
 * accepts is one the hub accepts.
 */
export async function loadPlugins(loaded: LoadedConfig, importer: PluginImporter = importPluginModule): Promise<LoadedPlugin[]> {
  const issues: ConfigIssue[] = [];
  const result: LoadedPlugin[] = [];
  const ids = new Set<string>();
  const compileConfigSchema = createConfigSchemaCompiler();
  for (const [index, entry] of loaded.config.plugins.entries()) {
    if (entry.enabled === false) continue;
    const at = (path: (string | number)[], message: string, key?: string) => loaded.issue(['plugins', index, ...path], message, key);
    try {
      const { module, file } = await importer(entry.use, loaded.dir);
      const plugin = checkShape(module, entry.use);
      const id = entry.id ?? plugin.manifest.id;
      if (ids.has(id)) {
        issues.push(at(['use'], `plugin instance '${id}' is configured twice; give one an 'id:'`));
        continue;
      }
      ids.add(id);
      const checked = await checkPluginConfig({ config: plugin.config, configSchema: plugin.manifest.configSchema }, pluginConfigOf(entry), compileConfigSchema);
      issues.push(...checked.issues.map((i) => at(i.path, `plugin '${id}': ${i.message}`, i.key)));
      result.push({ id, entry, plugin, config: checked.config, file });
    } catch (err) {
      issues.push(at(['use'], errorMessage(err)));
    }
  }
  if (issues.length) throw new ConfigError(issues);
  return result;
}

/** What a plugin module says of itself, for the settings form of one not configured yet. */
export async function describePlugin(use: string, configDir: string, importer: PluginImporter = importPluginModule): Promise<LoadablePlugin['manifest']> {
  const { module } = await importer(use, configDir);
  return checkShape(module, use).manifest;
}

export function pluginConfigOf(entry: PluginEntry): Record<string, unknown> {
  const config: Record<string, unknown> = { ...entry };
  for (const key of HOST_PLUGIN_KEYS) delete config[key];
  return config;
}

function checkShape(value: unknown, use: string): LoadablePlugin {
  const plugin = value as Partial<HearthPlugin<unknown>> | undefined;
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
  const { config } = plugin;
  if (config !== undefined) {
    const standard = config?.['~standard'];
    if (typeof standard?.validate !== 'function' || typeof standard.jsonSchema?.input !== 'function') {
      throw new Error(`plugin '${manifest.id}': its config is not a schema Hearth can use (a zod 4 schema, or a Standard Schema with JSON Schema output)`);
    }
    const configSchema = manifest.configSchema ?? standard.jsonSchema.input({ target: 'draft-2020-12' });
    return { ...plugin, setup: plugin.setup, manifest: { ...manifest, configSchema } };
  }
  if (!manifest.configSchema || typeof manifest.configSchema !== 'object') {
    throw new Error(`plugin '${manifest.id}' declares neither a config schema nor a manifest configSchema`);
  }
  return { ...plugin, setup: plugin.setup, manifest: { ...manifest, configSchema: manifest.configSchema } };
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { closest } from '../config/did-you-mean.js';
import { CODE_ROOT, PACKAGE_ROOT } from '../version.js';

export const PLUGIN_KEYWORD = 'hearth-plugin';

/** The built-in plugins folder, beside core/ both in the sources and in dist/. */
const BUILTIN_DIR = join(CODE_ROOT, 'plugins');

export class PluginResolveError extends Error {}

/** Whether a resolved plugin module is one of the plugins shipped with Hearth. */
export const isBuiltinPlugin = (file: string): boolean => file.startsWith(BUILTIN_DIR + sep);

/**
 * Turns a config `use:` into a module file: a built-in name, a relative or
 * absolute folder or file, or an npm package carrying the `hearth-plugin` keyword.
 */
export function resolvePlugin(use: string, configDir: string): string {
  if (use.startsWith('.') || isAbsolute(use)) return resolvePath(resolve(configDir, use), use);
  const builtin = join(BUILTIN_DIR, use);
  if (/^[a-z0-9-]+$/.test(use) && existsSync(builtin)) return resolvePath(builtin, use);
  return resolvePackage(use, configDir);
}

function resolvePath(path: string, use: string): string {
  if (!existsSync(path)) throw new PluginResolveError(`plugin '${use}' not found at ${path}`);
  if (statSync(path).isFile()) return path;
  const pkg = join(path, 'package.json');
  if (existsSync(pkg)) return join(path, entryOf(readPackage(pkg)));
  for (const name of ['index.js', 'index.mjs', 'index.ts']) {
    if (existsSync(join(path, name))) return join(path, name);
  }
  throw new PluginResolveError(`plugin folder ${path} has no package.json and no index.js`);
}

function resolvePackage(name: string, configDir: string): string {
  for (const start of [configDir, process.cwd(), PACKAGE_ROOT]) {
    for (let dir = start; ; dir = dirname(dir)) {
      const pkgFile = join(dir, 'node_modules', name, 'package.json');
      if (existsSync(pkgFile)) {
        const pkg = readPackage(pkgFile);
        if (!pkg.keywords?.includes(PLUGIN_KEYWORD)) {
          throw new PluginResolveError(`package '${name}' is not a Hearth plugin: its package.json lacks the keyword '${PLUGIN_KEYWORD}'`);
        }
        return join(dirname(pkgFile), entryOf(pkg));
      }
      if (dirname(dir) === dir) break;
    }
  }
  const hint = closest(name, builtinNames());
  throw new PluginResolveError(
    hint
      ? `plugin '${name}' is neither built in nor an installed npm package (did you mean the built-in '${hint}'?)`
      : `plugin '${name}' is neither built in nor an installed npm package (try: npm install ${name})`,
  );
}

/** The plugins shipped with Hearth, by the name `use:` takes. */
export function builtinNames(): string[] {
  return readdirSync(BUILTIN_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .map((d) => d.name);
}

interface PackageJson {
  main?: string;
  exports?: unknown;
  keywords?: string[];
}

function readPackage(file: string): PackageJson {
  return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
}

function entryOf(pkg: PackageJson): string {
  const root = typeof pkg.exports === 'object' && pkg.exports && '.' in pkg.exports ? (pkg.exports as Record<string, unknown>)['.'] : pkg.exports;
  if (typeof root === 'string') return root;
  if (root && typeof root === 'object') {
    const conditions = root as Record<string, unknown>;
    for (const key of ['import', 'default', 'node']) if (typeof conditions[key] === 'string') return conditions[key] as string;
  }
  return pkg.main ?? 'index.js';
}

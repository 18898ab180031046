/**
 * Builds the hub that `npm start` and the systemd unit run: one esbuild bundle per entry
 * point (the CLI, the isolated-plugin child, each built-in plugin, and the three modules
 * plugin authors import: plugin-api, hardware, testing), sharing chunks in dist/chunks/, plus tsc's declarations.
 *
 * Why a bundle and not tsc's file-per-module output: a Pi keeps every module's source
 * text and compiled code in memory for the process's life. Bundled and minified, the
 * hub's heap is ~4 MB smaller (zod's unused locales and drizzle's other dialects are
 * dropped, whitespace and comments are gone), and it reads ~20 files at start instead of
 * ~800 from the SD card (docs/benchmarks.md, *footprint*).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

const ROOT = new URL('..', import.meta.url).pathname;
const builtinPlugins = readdirSync(`${ROOT}plugins`, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
  .map((d) => `plugins/${d.name}/index.ts`);

/**
 * zod's namespace object re-exports its 40-odd message locales, so a bundler cannot drop
 * them (~300 kB of the bundle) although the hub only ever speaks English. Plugins that
 * want another locale import their own zod.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, ({ path }) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: dirname(path),
    }));
  },
};

rmSync(`${ROOT}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: ['core/cli.ts', 'core/plugin-api.ts', 'hardware/index.ts', 'core/testing/index.ts', 'core/plugins/isolation/child.ts', ...builtinPlugins],
  outbase: '.',
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Native addons and runtime-specific modules load from node_modules as they are;
  // pino-pretty only runs on a terminal, so it stays out of the service's memory.
  external: ['better-sqlite3', 'bun:sqlite', 'onoff', 'epoll', 'i2c-bus', 'pino-pretty'],
  // Identifiers are kept so stack traces in the journal still name functions.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  // The CommonJS dependencies call require() for Node built-ins; ESM output has none.
  banner: { js: "import { createRequire as __hearthRequire } from 'node:module'; const require = __hearthRequire(import.meta.url);" },
  plugins: [zodEnglishOnly],
  logLevel: 'warning',
});
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });

// Node 24 (the current LTS) for the second hub-process test pass, kept in a cache folder outside the repository:
// the binary from the npm registry's node-<platform>-<arch> package (it ships the headers too), and better-sqlite3's
// addon compiled against those headers, since the one in node_modules is built for the Node that ran `npm ci`.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const NODE24_DIR = process.env.HEARTH_NODE24_DIR ?? join(homedir(), '.cache', 'hearth', 'node24');
const PACKAGE = `node-${process.platform}-${process.arch}`;
const home = join(NODE24_DIR, 'node_modules', PACKAGE);
export const NODE24_BIN = join(home, 'bin', 'node');
export const NODE24_SQLITE_ADDON = join(NODE24_DIR, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
/** Preloaded into the hub under Node 24 (`--import`): points better-sqlite3 at the addon built here. */
export const NODE24_PRELOAD = join(ROOT, 'scripts', 'node24-preload.mjs');

/** Installs what is missing; returns quickly when the cache is complete. */
export function ensureNode24(log = console.log) {
  if (!existsSync(NODE24_BIN)) {
    log(`installing ${PACKAGE}@24 from the npm registry into ${NODE24_DIR}…`);
    mkdirSync(NODE24_DIR, { recursive: true });
    execFileSync('npm', ['install', '--prefix', NODE24_DIR, '--no-save', '--no-audit', '--no-fund', `${PACKAGE}@24`], { stdio: 'inherit' });
  }
  if (!existsSync(NODE24_SQLITE_ADDON)) {
    log('building better-sqlite3 for Node 24…');
    const source = dirname(createRequire(join(ROOT, 'package.json')).resolve('better-sqlite3/package.json'));
    const build = join(NODE24_DIR, 'better-sqlite3');
    rmSync(build, { recursive: true, force: true });
    for (const part of ['binding.gyp', 'deps', 'src', 'package.json']) cpSync(join(source, part), join(build, part), { recursive: true });
    // npm's own node-gyp: npm names it to its scripts; the fallback is where a Node installation keeps npm.
    const gyp = process.env.npm_config_node_gyp ?? join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    // npm passes its own `nodedir` (Debian's npm sets /usr: Node 20's headers) as npm_config_nodedir, which node-gyp
    // prefers to the flag; name Node 24's headers both ways
    const env = { ...process.env, npm_config_nodedir: home };
    execFileSync(process.execPath, [gyp, 'rebuild', '--release', `--nodedir=${home}`], { cwd: build, stdio: 'inherit', env });
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found from here both in the sources and in dist/. */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/**
 * Where the running JavaScript lives: dist/ for the built hub (one bundle whose chunks
 * sit in dist/chunks/, so no module can find its siblings from its own URL), the
 * package root when the TypeScript sources run (tests, `npm run dev`, Bun).
 */
export const CODE_ROOT = fileURLToPath(import.meta.url).startsWith(join(PACKAGE_ROOT, 'dist') + sep) ? join(PACKAGE_ROOT, 'dist') : PACKAGE_ROOT;

export const VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function findRoot(dir: string): string {
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the Hearth package root');
    dir = parent;
  }
  return dir;
}

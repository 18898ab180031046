/**
 * Checks the import directions of DESIGN §1 with dependency-cruiser's rules in
 * .dependency-cruiser.cjs; exits 1 naming each violation. Takes the tree to check
 * (default: this repository), so a test can run it on a fixture with a planted bad
 * import. The library rather than the `depcruise` CLI, so the rules live in one place with the roots and tsconfig handling.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOTS = ['core', 'hardware', 'plugins', 'examples/plugins', 'frontend/src'];
const REPO = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { forbidden, options } = require(join(REPO, '.dependency-cruiser.cjs'));

const tree = resolve(process.argv[2] ?? REPO);
process.chdir(tree);
const roots = ROOTS.filter((root) => existsSync(root));
const tsConfig = existsSync('tsconfig.json') ? extractTSConfig('tsconfig.json') : undefined;
const result = await cruise(
  roots,
  { ...options, ...(!tsConfig && { tsConfig: undefined }), validate: true, ruleSet: { forbidden }, outputType: 'err' },
  undefined,
  tsConfig && { tsConfig },
);
process.stdout.write(String(result.output));
process.exitCode = result.exitCode === 0 ? 0 : 1;

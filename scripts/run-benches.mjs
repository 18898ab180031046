#!/usr/bin/env node
// `npm run bench [-- name …]`: runs every bench/<name>/run.ts (or the named ones) one after another,
// so they do not compete for the two cores; each prints its table and writes bench/results/<name>.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const benchDir = join(root, 'bench');
const wanted = process.argv.slice(2);
const all = readdirSync(benchDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(benchDir, d.name, 'run.ts')))
  .map((d) => d.name)
  .sort();
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`unknown bench: ${unknown.join(', ')} (have: ${all.join(', ')})`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length ? wanted : all) {
  console.log(`\n== bench/${name}`);
  const result = spawnSync('npx', ['tsx', join('bench', name, 'run.ts')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`bench/${name} failed with status ${result.status}`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);

#!/usr/bin/env node
// The hub-process suite again on another runtime (`bun` or `node24`): the tests that start the real hub or its CLI,
// so each runtime Hearth supports serves the same API, dashboard and MQTT link. Unit tests stay on the main Node.
// Node 24 runs the same hub bundle as Node 20, so one browser flow is enough there (CI time); Bun runs the sources.
import { spawnSync } from 'node:child_process';
import { ensureNode24 } from './node24.mjs';

const FILES = [
  'tests/integration/cli',
  'tests/integration/plugins/demo-house.test.ts',
  'tests/integration/plugins/isolated-hub.test.ts',
  'tests/integration/plugins/blamed-errors-hub.test.ts',
  'tests/integration/mqtt/federation.test.ts',
  'tests/integration/ops/safe-outputs-shutter.test.ts',
];
const BROWSER = { bun: ['tests/e2e'], node24: ['tests/e2e/dashboard.test.ts'] };

const runtime = process.argv[2];
if (runtime !== 'bun' && runtime !== 'node24') {
  console.error('usage: test-hub-pass.mjs bun|node24');
  process.exit(2);
}
if (runtime === 'node24') ensureNode24();
const result = spawnSync('npx', ['--no-install', 'vitest', 'run', ...FILES, ...BROWSER[runtime], ...process.argv.slice(3)], {
  stdio: 'inherit',
  env: { ...process.env, HEARTH_TEST_RUNTIME: runtime },
});
process.exit(result.status ?? 1);

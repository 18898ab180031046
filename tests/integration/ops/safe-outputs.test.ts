import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../../core/version.js';
import { spawnHub } from '../../helpers/hub-process.js';

const FIXTURE = join(PACKAGE_ROOT, 'tests', 'fixtures', 'plugins', 'relay-hold');
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hearth-safe-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Last physical level per line from the sim board's write log. */
function finalLevels(log: string): { final: Map<number, number>; energised: Set<number> } {
  const final = new Map<number, number>();
  const energised = new Set<number>();
  for (const row of readFileSync(log, 'utf8').trim().split('\n')) {
    const [, line, value] = row.split(' ').map(Number) as [number, number, number];
    final.set(line, value);
    if (value === 1) energised.add(line);
  }
  return { final, energised };
}

async function crashMidMove() {
  const config = join(dir, 'hearth.yaml');
  writeFileSync(config, `name: Safe outputs\nhardware: { backend: sim }\nplugins:\n  - use: ${FIXTURE}\n    crash: true\n`);
  const lineLog = join(dir, 'lines.log');
  const hub = spawnHub({ config, dataDir: join(dir, 'data'), env: { HEARTH_SIM_LINE_LOG: lineLog } });
  await hub.waitForLog(/motor running up/);
  const exit = await hub.exited;
  return { exit, ...finalLevels(lineLog) };
}

// The real shutter plugin covers SIGTERM and SIGINT (safe-outputs-shutter.test.ts); this
// fixture holds a relay and then raises an uncaught error no plugin can be blamed for
// (one that can be is only that plugin's failure): the fatal exit, which no built-in
// plugin can be made to take.
describe('outputs are released on an uncaught exception, in the middle of a move', () => {
  it('both relay lines end released, exit 1', async () => {
    const { exit, final, energised } = await crashMidMove();
    expect(energised.has(5)).toBe(true);
    expect(final.get(5)).toBe(0);
    expect(final.get(6) ?? 0).toBe(0);
    expect(exit.code).toBe(1);
  });
});

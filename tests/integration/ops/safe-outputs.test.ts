import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../../core/version.js';
import { spawnHub } from './spawn-hub.js';

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

async function killMidMove(how: 'SIGTERM' | 'SIGINT' | 'crash') {
  const config = join(dir, 'hearth.yaml');
  writeFileSync(config, `name: Safe outputs\nhardware: { backend: sim }\nplugins:\n  - use: ${FIXTURE}\n    crash: ${how === 'crash'}\n`);
  const lineLog = join(dir, 'lines.log');
  const hub = spawnHub(['start', '--config', config, '--port', '0', '--host', '127.0.0.1', '--data', join(dir, 'data')], { HEARTH_SIM_LINE_LOG: lineLog });
  await hub.waitForLog(/motor running up/);
  if (how !== 'crash') hub.child.kill(how);
  const exit = await hub.exited;
  return { exit, ...finalLevels(lineLog) };
}

describe('outputs are released on any exit, in the middle of a shutter move', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: both relay lines end released, exit 0`, async () => {
      const { exit, final, energised } = await killMidMove(signal);
      expect(energised.has(5)).toBe(true);
      expect(final.get(5)).toBe(0);
      expect(final.get(6) ?? 0).toBe(0);
      expect(exit.code).toBe(0);
    });
  }

  it('uncaught exception: both relay lines end released, exit 1', async () => {
    const { exit, final, energised } = await killMidMove('crash');
    expect(energised.has(5)).toBe(true);
    expect(final.get(5)).toBe(0);
    expect(final.get(6) ?? 0).toBe(0);
    expect(exit.code).toBe(1);
  });
});

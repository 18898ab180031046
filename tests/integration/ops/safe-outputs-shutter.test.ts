import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHubProcess } from '../../helpers/hub-process.js';

const UP = 5;
const DOWN = 6;
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hearth-safe-shutter-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every write to a line, in order, from the sim board's write log. */
function writesOf(log: string, line: number): number[] {
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((row) => row.split(' ').map(Number) as [number, number, number])
    .filter(([, l]) => l === line)
    .map(([, , value]) => value);
}

async function api(url: string, path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

describe('the real shutter plugin, killed in the middle of a move', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: the running relay is released and the other was never energised`, async () => {
      const config = join(dir, 'hearth.yaml');
      writeFileSync(
        config,
        `name: Safe shutter\nhardware: { backend: sim }\nplugins:\n  - use: shutter\n    entities:\n      - { id: cover.test, upLine: ${UP}, downLine: ${DOWN}, travelUpS: 60, travelDownS: 60 }\n`,
      );
      const lineLog = join(dir, 'lines.log');
      const hub = await startHubProcess({ config, dataDir: join(dir, 'data'), env: { HEARTH_SIM_LINE_LOG: lineLog } });
      const { url } = hub;
      const { token } = (await api(url, 'onboarding', { username: 'owner', password: 'safe outputs password' })) as { token: string };
      const { entity } = (await api(url, 'entities/cover.test/commands/open', {}, token)) as { entity: { state: string } };
      expect(entity.state).toBe('opening');
      // The motor runs for a minute; the hub is stopped well inside it.
      expect(writesOf(lineLog, UP).at(-1)).toBe(1);

      hub.child.kill(signal);
      const exit = await hub.exited;

      expect(exit.code).toBe(0);
      expect(writesOf(lineLog, UP).at(-1)).toBe(0);
      expect(writesOf(lineLog, DOWN)).not.toContain(1);
    });
  }
});

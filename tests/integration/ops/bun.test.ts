import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../../core/version.js';
import { startHubProcess } from '../../helpers/hub-process.js';

const BUN = join(PACKAGE_ROOT, 'node_modules', '.bin', 'bun');
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hearth-bun-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('Bun runtime', () => {
  it('opens, migrates, queries and backs up the database through bun:sqlite', () => {
    const out = execFileSync(BUN, [join(PACKAGE_ROOT, 'tests/fixtures/bun/db-check.ts'), join(dir, 'hearth.db')], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ isBun: true, row: { key: 'k', value: 'v' }, named: { value: 'v' }, mode: 'wal', copyProblems: [] });
  });

  it('runs the demo hub under Bun and answers /api/health', async () => {
    const hub = await startHubProcess({ dataDir: join(dir, 'data'), runtime: 'bun' });
    try {
      const health = (await (await fetch(`${hub.url}/api/health`)).json()) as { status: string };
      expect(health.status).toBe('ok');
    } finally {
      expect(await hub.stop('SIGTERM')).toBe(0);
    }
  });
});

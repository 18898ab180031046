/**
 * The lock example as a third party has it: copied out of the repository, with Hearth
 * as a dependency (the built package, symlinked as npm would install it), compiled by
 * tsc against the package exports' declarations, then loaded by the hub from its folder.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestHub } from '../../../core/testing/index.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hearth-plugin-outside-'));
const plugin = join(dir, 'relay-lock');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the lock example built from outside the tree', () => {
  it('typechecks and compiles against hearth/plugin-api, hearth/hardware and hearth/testing, and the hub loads the result', async () => {
    cpSync(join(REPO, 'examples/plugins/lock'), plugin, { recursive: true });
    mkdirSync(join(plugin, 'node_modules/@types'), { recursive: true });
    symlinkSync(REPO, join(plugin, 'node_modules/hearth'));
    for (const dep of ['zod', 'vitest', '@types/node']) symlinkSync(join(REPO, 'node_modules', dep), join(plugin, 'node_modules', dep));

    const tsc = await promisify(execFile)(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', plugin]).then(
      () => ({ code: 0, stdout: '' }),
      (err: { code: number; stdout: string }) => err,
    );
    expect(tsc.stdout).toBe('');
    expect(tsc.code).toBe(0);

    const hub = await createTestHub({ config: { plugins: [{ use: plugin, relay: 22, contact: 23 }] } });
    try {
      expect(hub.plugins()).toMatchObject([{ id: 'relay-lock', status: 'running' }]);
      expect(hub.state('lock.front_door').state).toBe('unlocked');
      expect((await hub.command('lock.front_door', 'lock')).state).toBe('locking');
    } finally {
      await hub.stop();
    }
  });
});

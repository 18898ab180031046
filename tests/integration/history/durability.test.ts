import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../../core/db/index.js';
import { createHistoryQueries } from '../../../core/history/index.js';
import { createRig } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('loses at most the last commit interval when killed with SIGKILL mid-write, and the file stays sound', async () => {
  const path = join(dir, 'hearth.db');
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/history/heavy-writer.ts', path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const progress: { seq: number; commits: number }[] = [];
  let buffered = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [, seq, commits] = /^seq (\d+) commits (\d+)$/.exec(line)!;
        progress.push({ seq: Number(seq), commits: Number(commits) });
      }
      // writing for a good while — several commits, however loaded the machine — before the kill
      if ((progress.at(-1)?.commits ?? 0) >= 3) resolve();
    });
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const database = openDatabase(path);
  expect(database.sqlite.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
  const recorded = createHistoryQueries(database).statesBetween(['sensor.load'], 0, Date.parse('2026-01-01T00:00:00Z')).map((s) => s.state as number);
  database.close();
  const last = recorded.at(-1)!;
  // A commit writes what was queued when it began, in slices between bursts, and begins
  // only after the previous one ended. So once the count has risen at line r and again at a
  // later line k, everything up to line r was committed. All of that must be on disk; only
  // the open interval may be lost.
  const rises = progress.flatMap((p, i) => (i > 0 && p.commits > progress[i - 1]!.commits ? [i] : []));
  expect(rises.length).toBeGreaterThanOrEqual(2);
  expect(last).toBeGreaterThanOrEqual(progress[rises.at(-2)!]!.seq);
  // committed data is a gap-free prefix: every reading up to the last one is there
  const readings = recorded.filter((v) => v !== null);
  expect(readings.length).toBe(last);
  expect(readings.findIndex((v, i) => v !== i + 1)).toBe(-1);

  const rig = createRig({ dir, start: Date.parse('2025-02-01T00:00:00Z') });
  await rig.recorder.start();
  rig.add('sensor.load');
  rig.set('sensor.load', -1);
  await rig.close();
  const reopened = openDatabase(path);
  expect(createHistoryQueries(reopened).statesBetween(['sensor.load'], Date.parse('2025-02-01T00:00:00Z'), Date.parse('2025-03-01T00:00:00Z')).at(-1)?.state).toBe(-1);
  reopened.close();
}, 30_000);

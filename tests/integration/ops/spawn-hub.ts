/** Spawns a real hub process, under Node (compiled dist) or under Bun when HEARTH_TEST_RUNTIME=bun. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../../core/version.js';

export type Runtime = 'node' | 'bun';
export const RUNTIME: Runtime = process.env.HEARTH_TEST_RUNTIME === 'bun' ? 'bun' : 'node';

export interface SpawnedHub {
  child: ChildProcess;
  /** Resolves with the first JSON log line whose msg matches. */
  waitForLog(pattern: RegExp): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnHub(args: string[], env: Record<string, string> = {}, runtime: Runtime = RUNTIME): SpawnedHub {
  const [command, prefix] =
    runtime === 'bun'
      ? [join(PACKAGE_ROOT, 'node_modules', '.bin', 'bun'), [join(PACKAGE_ROOT, 'core', 'cli.ts')]]
      : [process.execPath, [join(PACKAGE_ROOT, 'dist', 'core', 'cli.js')]];
  const child = spawn(command, [...prefix, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  const waiters: { pattern: RegExp; resolve: (line: Record<string, unknown>) => void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    lines.push(line);
    for (const w of [...waiters]) if (w.pattern.test(String(line.msg))) (waiters.splice(waiters.indexOf(w), 1), w.resolve(line));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    exited,
    waitForLog: (pattern) =>
      new Promise((resolve, reject) => {
        const seen = lines.find((l) => pattern.test(String(l.msg)));
        if (seen) return resolve(seen);
        waiters.push({ pattern, resolve });
        void exited.then(({ code }) => reject(new Error(`hub exited (${code}) before logging ${pattern}: ${stderr}${lines.map((l) => JSON.stringify(l)).join('\n')}`)));
      }),
  };
}

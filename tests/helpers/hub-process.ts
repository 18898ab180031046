/**
 * Runs `hearth start` as a real child process, as a user would: the compiled hub under
 * Node, on Node 24 when HEARTH_TEST_RUNTIME=node24 (`npm run test:node24`), or the TypeScript sources under Bun
 * when HEARTH_TEST_RUNTIME=bun (`npm run test:bun`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { NODE24_BIN, NODE24_PRELOAD } from '../../scripts/node24.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist', 'core', 'cli.js');

export type Runtime = 'node' | 'node24' | 'bun';
const env = process.env.HEARTH_TEST_RUNTIME;
export const RUNTIME: Runtime = env === 'bun' || env === 'node24' ? env : 'node';

/** The command and leading arguments that run the compiled CLI (dist/) on a Node runtime. */
export function nodeCommand(runtime: Exclude<Runtime, 'bun'>): [string, ...string[]] {
  return runtime === 'node24' ? [NODE24_BIN, '--import', NODE24_PRELOAD, CLI] : [process.execPath, CLI];
}

export type LogLine = Record<string, unknown>;

export interface HubProcess {
  readonly child: ChildProcess;
  readonly dataDir: string;
  /** Everything the hub printed so far. */
  output(): string;
  /** The first JSON log line whose `msg` matches (already printed or still to come). */
  waitForLog(pattern: RegExp): Promise<LogLine>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal (SIGTERM by default) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface RunningHub extends HubProcess {
  /** Base URL without the trailing slash. */
  readonly url: string;
}

export interface SpawnOptions {
  config?: string;
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  args?: string[];
  runtime?: Runtime;
  /** Let the demo house simulate its past week on a first start (slow); off by default. */
  backfill?: boolean;
}

/** Spawns the hub on a free loopback port; it may still be starting (or about to crash, as a test wants). */
export function spawnHub(options: SpawnOptions = {}): HubProcess {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hearth-hub-'));
  const runtime = options.runtime ?? RUNTIME;
  const [command, ...entry] = runtime === 'bun' ? [join(ROOT, 'node_modules', '.bin', 'bun'), join(ROOT, 'core', 'cli.ts')] : nodeCommand(runtime);
  const args = ['start', ...(options.config ? ['--config', options.config] : []), '--data', dataDir, '--port', '0', '--host', '127.0.0.1', ...(options.backfill ? [] : ['--no-backfill']), ...(options.args ?? [])];
  const child = spawn(command, [...entry, ...args], { cwd: ROOT, env: { ...process.env, HEARTH_LOG_LEVEL: 'info', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const lines: LogLine[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve(line: LogLine): void }>();
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    output += `${text}\n`;
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      return; // not a log line: a plugin printing to stdout
    }
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(String(line.msg))) {
        waiters.delete(waiter);
        waiter.resolve(line);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    dataDir,
    output: () => output,
    exited,
    waitForLog: (pattern) =>
      new Promise((resolve, reject) => {
        const seen = lines.find((l) => pattern.test(String(l.msg)));
        if (seen) return resolve(seen);
        waiters.add({ pattern, resolve });
        void exited.then(({ code, signal }) => reject(new Error(`hub exited (${code ?? signal}) before logging ${pattern}:\n${output}`)));
      }),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return (await exited).code;
    },
  };
}

/** Spawns the hub and resolves once it says it is running, with its URL. */
export async function startHubProcess(options: SpawnOptions = {}): Promise<RunningHub> {
  const hub = spawnHub(options);
  const { url } = (await hub.waitForLog(/^Hearth is running/)) as { url: string };
  return { ...hub, url: url.replace(/\/$/, '') };
}

/**
 * The demo house's first start (issue #25): `hearth start` on examples/demo-house.yaml and a
 * fresh data dir simulates the last 7 days before it prints its URL. Measures, per run, the
 * backfill's own wall time (from its log line), the wall time from spawn to the URL printed,
 * and the CPU seconds the hub used until then — median of RUNS fresh starts, with the load
 * average beside it (on 2 shared cores the wall time says more about the neighbours than
 * about the hub; CPU seconds less so). Runs the compiled hub: `npm run build` first.
 *   npx tsx bench/backfill/run.ts
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PACKAGE_ROOT } from '../../core/version.js';
import { cpuSeconds } from '../process-stats.js';

const RUNS = 3;
const DEMO = join(PACKAGE_ROOT, 'examples', 'demo-house.yaml');
const CLI = join(PACKAGE_ROOT, 'dist', 'core', 'cli.js');

interface Run {
  backfillMs: number;
  toUrlMs: number;
  cpuS: number;
  timers: number;
  /** Failures the simulation logged (a plugin that did not start would make it cheaper, and wrong). */
  errors: number;
}

async function firstStart(): Promise<Run> {
  const data = mkdtempSync(join(tmpdir(), 'hearth-bench-backfill-'));
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'start', '--config', DEMO, '--data', data, '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let report: { ms: number; timers: number } | undefined;
  let errors = 0;
  try {
    for await (const line of createInterface({ input: child.stdout! })) {
      const log = JSON.parse(line) as { level: number; ms?: number; timers?: number; url?: string; backfill?: boolean };
      if (log.level >= 50 && log.backfill) errors++;
      if (log.timers !== undefined && log.ms !== undefined) report = { ms: log.ms, timers: log.timers };
      if (log.url) {
        if (!report) throw new Error('the hub printed its URL without filling the history: is the data dir fresh?');
        return { backfillMs: report.ms, toUrlMs: performance.now() - started, cpuS: cpuSeconds(child.pid!), timers: report.timers, errors };
      }
    }
    throw new Error('the hub exited before printing its URL');
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(data, { recursive: true, force: true });
  }
}

const loadBefore = loadavg()[0]!;
const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) runs.push(await firstStart());
const median = (pick: (r: Run) => number) => runs.map(pick).sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
const result = {
  days: 7,
  runs: RUNS,
  backfillMedianMs: Math.round(median((r) => r.backfillMs)),
  toUrlMedianMs: Math.round(median((r) => r.toUrlMs)),
  cpuMedianS: +median((r) => r.cpuS).toFixed(2),
  timers: median((r) => r.timers),
  simulationErrors: Math.max(...runs.map((r) => r.errors)),
  loadAverage: { before: +loadBefore.toFixed(1), after: +loadavg()[0]!.toFixed(1) },
  budgetMs: 3000,
};
console.table([
  { metric: 'demo backfill 7 d (median)', value: `${result.backfillMedianMs} ms`, budget: '≤ 3000 ms', ok: result.backfillMedianMs <= 3000 },
  { metric: 'spawn to URL printed (median)', value: `${result.toUrlMedianMs} ms`, budget: '', ok: '' },
  { metric: 'hub CPU until then (median)', value: `${result.cpuMedianS} s`, budget: '', ok: '' },
  { metric: 'simulation errors', value: result.simulationErrors, budget: '0', ok: result.simulationErrors === 0 },
  { metric: 'load average (before, after)', value: `${result.loadAverage.before}, ${result.loadAverage.after}`, budget: '', ok: '' },
]);
mkdirSync(join(PACKAGE_ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(PACKAGE_ROOT, 'bench', 'results', 'backfill.json'), `${JSON.stringify(result, null, 2)}\n`);

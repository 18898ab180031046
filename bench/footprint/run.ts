/**
 * Footprint of a whole hub process on the demo house, under Node (compiled dist/) and Bun:
 * start-to-healthy time, idle RSS, and RSS after an hour of activity compressed in time
 * (3,600 API reads, one per simulated second). Run `npm run build` first for Node.
 *   npx tsx bench/footprint/run.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PACKAGE_ROOT } from '../../core/version.js';

const RUNS = 3;
const IDLE_SETTLE_MS = 3000;
const ACTIVITY_REQUESTS = 3600;

interface Row { runtime: string; startToHealthyMs: number; idleRssMb: number; activeRssMb: number }

const rssMb = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)![1]) / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function launch(runtime: 'node' | 'bun', dataDir: string): ChildProcess {
  const args = ['start', '--port', '0', '--host', '127.0.0.1', '--data', dataDir];
  return runtime === 'bun'
    ? spawn(join(PACKAGE_ROOT, 'node_modules/.bin/bun'), [join(PACKAGE_ROOT, 'core/cli.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(process.execPath, [join(PACKAGE_ROOT, 'dist/core/cli.js'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}

async function measure(runtime: 'node' | 'bun'): Promise<Row> {
  const data = mkdtempSync(join(tmpdir(), 'hearth-footprint-'));
  const started = performance.now();
  const child = launch(runtime, data);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`${runtime} hub exited with ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const url = (JSON.parse(line) as { url?: string }).url;
        if (url) resolve(url);
      });
    });
    // Healthy = the health endpoint answers, not just the log line.
    while (!(await fetch(`${url}api/health`).then((r) => r.ok, () => false)));
    const startToHealthyMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, IDLE_SETTLE_MS));
    const idleRssMb = rssMb(child.pid!);
    for (let i = 0; i < ACTIVITY_REQUESTS; i++) await (await fetch(`${url}api/health`)).arrayBuffer();
    const activeRssMb = rssMb(child.pid!);
    return { runtime, startToHealthyMs, idleRssMb, activeRssMb };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(data, { recursive: true, force: true });
  }
}

const rows: Row[] = [];
for (const runtime of ['node', 'bun'] as const) {
  const runs: Row[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(runtime));
  rows.push({
    runtime,
    startToHealthyMs: median(runs.map((r) => r.startToHealthyMs)),
    idleRssMb: median(runs.map((r) => r.idleRssMb)),
    activeRssMb: median(runs.map((r) => r.activeRssMb)),
  });
}

console.log('runtime | start→healthy ms | idle RSS MB | RSS after 1 h (compressed) MB');
for (const r of rows) console.log(`${r.runtime.padEnd(7)} | ${r.startToHealthyMs.toFixed(0).padStart(16)} | ${r.idleRssMb.toFixed(1).padStart(11)} | ${r.activeRssMb.toFixed(1).padStart(6)}`);
mkdirSync(join(PACKAGE_ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(PACKAGE_ROOT, 'bench/results/footprint.json'), `${JSON.stringify({ runs: RUNS, activityRequests: ACTIVITY_REQUESTS, rows, node: process.version, at: new Date().toISOString() }, null, 2)}\n`);

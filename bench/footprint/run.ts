/**
 * Footprint of a whole hub process on the demo house (its plugins and scripted day):
 * start-to-healthy time, RSS just after start and once idle, then RSS after an hour of
 * activity compressed in time (activity.ts) — under Node with its defaults, Node with the
 * flags systemd/hearth.service sets (also with one plugin from outside Hearth, which
 * starts the watchdog thread), the same two on Node 24, and Bun. Build first (`npm run build`): Node runs dist/.
 *   npx tsx bench/footprint/run.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { PACKAGE_ROOT } from '../../core/version.js';
import { cpuSeconds, onNode24, peakRssMb, rssMb, serviceUnitRuntime, type NodeRuntime } from '../process-stats.js';
import { CLOCK_SPEED, playHour, SIMULATED_S } from './activity.js';

const RUNS = 3;
/** "Just after start": what `ps` shows once the hub answers, start-up garbage included. */
const START_SETTLE_MS = 3000;
/**
 * "Idle": V8's memory reducer returns the start-up garbage once the heap has been quiet
 * for 8 s; after that a sitting hub's RSS stays flat (±0.5 MB over minutes).
 */
const IDLE_SETTLE_MS = 30_000;
const DEMO = join(PACKAGE_ROOT, 'examples/demo-house.yaml');

interface Variant {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  /** A plugin folder from outside Hearth added to the house. */
  outsidePlugin?: string;
}
interface Row { variant: string; startToHealthyMs: number; startRssMb: number; idleRssMb: number; activeRssMb: number; peakRssMb: number; activeCpuS: number }

function unitVariant(): Variant {
  const { args, env } = serviceUnitRuntime();
  return { name: 'node (unit flags)', command: process.execPath, args: [...args, join(PACKAGE_ROOT, 'dist/core/cli.js')], env };
}

function node24Variant(name: string, runtime: NodeRuntime): Variant {
  return { name, command: runtime.command!, args: [...runtime.args, join(PACKAGE_ROOT, 'dist/core/cli.js')], env: runtime.env };
}

const VARIANTS: Variant[] = [
  { name: 'node', command: process.execPath, args: [join(PACKAGE_ROOT, 'dist/core/cli.js')], env: {} },
  unitVariant(),
  { ...unitVariant(), name: 'node (unit) + outside plugin', outsidePlugin: join(PACKAGE_ROOT, 'tests/fixtures/plugins/healthy') },
  node24Variant('node 24', onNode24()),
  node24Variant('node 24 (unit flags)', onNode24(serviceUnitRuntime())),
  { name: 'bun', command: join(PACKAGE_ROOT, 'node_modules/.bin/bun'), args: [join(PACKAGE_ROOT, 'core/cli.ts')], env: {} },
];

// A Pi's system zone is normally the house's (raspi-config), and the hub then needs no ICU
// time-zone data (core/local-zone.ts); run it so here too, whatever this machine's zone is.
const HOUSE_TZ = readFileSync(DEMO, 'utf8').match(/timezone: ([\w/]+)/)![1]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Starts a hub and resolves once `/api/health` answers (not just the log line); the demo's first-start backfill is not what this measures. */
async function launch(variant: Variant, config: string, data: string): Promise<{ child: ChildProcess; url: string; ms: number }> {
  const started = performance.now();
  const child = spawn(variant.command, [...variant.args, 'start', '--config', config, '--port', '0', '--host', '127.0.0.1', '--data', data, '--no-backfill'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TZ: HOUSE_TZ, ...variant.env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${variant.name} hub exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = (JSON.parse(line) as { url?: string }).url;
      if (url) resolve(url);
    });
  });
  while (!(await fetch(`${url}api/health`).then((r) => r.ok, () => false)));
  return { child, url, ms: performance.now() - started };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** The demo house at `clockSpeed`, plus the variant's outside plugin, written into `dir`. */
function house(dir: string, variant: Variant, clockSpeed: number): string {
  const file = join(dir, `house-${clockSpeed}.yaml`);
  const extra = variant.outsidePlugin ? `  - use: ${variant.outsidePlugin}\n` : '';
  writeFileSync(file, readFileSync(DEMO, 'utf8').replace(/clockSpeed: 1\b/, `clockSpeed: ${clockSpeed}`) + extra);
  copyFileSync(join(dirname(DEMO), 'demo-automations.yaml'), join(dir, 'demo-automations.yaml'));
  return file;
}

async function measure(variant: Variant): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-footprint-'));
  try {
    const idle = await launch(variant, house(dir, variant, 1), join(dir, 'idle'));
    let startRssMb: number;
    let idleRssMb: number;
    try {
      await new Promise((r) => setTimeout(r, START_SETTLE_MS));
      startRssMb = rssMb(idle.child.pid!);
      await new Promise((r) => setTimeout(r, IDLE_SETTLE_MS - START_SETTLE_MS));
      idleRssMb = rssMb(idle.child.pid!);
    } finally {
      await stop(idle.child);
    }
    // Same house with its day sped up, so the hour of scripted life fits the hour of API use.
    const busy = await launch(variant, house(dir, variant, CLOCK_SPEED), join(dir, 'busy'));
    try {
      const cpuBefore = cpuSeconds(busy.child.pid!);
      await playHour(busy.url);
      const pid = busy.child.pid!;
      return { variant: variant.name, startToHealthyMs: idle.ms, startRssMb, idleRssMb, activeRssMb: rssMb(pid), peakRssMb: peakRssMb(pid), activeCpuS: cpuSeconds(pid) - cpuBefore };
    } finally {
      await stop(busy.child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: Row[] = [];
for (const variant of VARIANTS) {
  const runs: Row[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(variant));
  const med = (key: Exclude<keyof Row, 'variant'>) => median(runs.map((r) => r[key]));
  rows.push({ variant: variant.name, startToHealthyMs: med('startToHealthyMs'), startRssMb: med('startRssMb'), idleRssMb: med('idleRssMb'), activeRssMb: med('activeRssMb'), peakRssMb: med('peakRssMb'), activeCpuS: med('activeCpuS') });
  console.log(`${variant.name}: idle RSS of the runs ${runs.map((r) => r.idleRssMb.toFixed(1)).join(', ')} MB`);
}

console.log('variant                      | start→healthy ms | RSS at +3 s MB | idle RSS MB | RSS after 1 h MB | peak RSS MB | CPU s in the hour');
for (const r of rows) {
  const cells = [r.startToHealthyMs.toFixed(0).padStart(16), r.startRssMb.toFixed(1).padStart(14), r.idleRssMb.toFixed(1).padStart(11), r.activeRssMb.toFixed(1).padStart(16), r.peakRssMb.toFixed(1).padStart(11), r.activeCpuS.toFixed(1).padStart(17)];
  console.log(`${r.variant.padEnd(28)} | ${cells.join(' | ')}`);
}
mkdirSync(join(PACKAGE_ROOT, 'bench/results'), { recursive: true });
writeFileSync(
  join(PACKAGE_ROOT, 'bench/results/footprint.json'),
  `${JSON.stringify({ runs: RUNS, startSettleMs: START_SETTLE_MS, idleSettleMs: IDLE_SETTLE_MS, simulatedS: SIMULATED_S, clockSpeed: CLOCK_SPEED, rows, node: process.version, at: new Date().toISOString() }, null, 2)}\n`,
);

/**
 * Reaction time: sim input edge → binary_sensor → automation → command → output
 * line written, with 1,000 unrelated state changes per second in the background.
 * Run: npx tsx bench/reaction/run.ts [events]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createAutomationEngine, parseOrThrow } from '../../core/automation/index.js';
import { openDatabase } from '../../core/db/index.js';
import { createKernel } from '../../core/kernel/index.js';
import { silentLogger } from '../../core/log.js';
import { parseConfig } from '../../core/config/index.js';
import { createPluginHost, loadPlugins } from '../../core/plugins/index.js';
import { createSimBoard } from '../../hardware/sim/index.js';
import plugin, { INPUT_LINE, OUTPUT_LINE } from './plugin.js';

const EVENTS = Number(process.argv[2] ?? 10_000);
const BACKGROUND_PER_S = 1_000;
const TARGET = { p50: 1, p99: 5 };

const log = silentLogger();
const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-reaction-'));
const hardware = createSimBoard();
const kernel = createKernel(log);
const host = createPluginHost({ kernel, hardware, log, dataDir: dir, hub: { name: 'bench' } });
const benchPlugin = async () => ({ module: plugin, file: fileURLToPath(new URL('./plugin.ts', import.meta.url)) });
await host.start(await loadPlugins(parseConfig('plugins: [{ use: bench-gpio }]', join(dir, 'hearth.yaml')), benchPlugin));
const database = openDatabase(join(dir, 'hearth.db'));
const rule = (id: string, to: 'on' | 'off') => {
  const input = { id, mode: 'queued', triggers: [{ type: 'state', entity: 'binary_sensor.bench_button', to }], actions: [{ command: `turn_${to}`, entity: 'switch.bench_relay' }] };
  return { definition: parseOrThrow(input), input };
};
const engine = createAutomationEngine({ kernel, database, log, fileAutomations: [rule('press', 'on'), rule('release', 'off')] });
await engine.start();

// Background: unrelated sensors changing 1,000 times a second.
const sensors = Array.from({ length: 20 }, (_, i) => `sensor.bench_bg_${i}`);
for (const id of sensors) kernel.states.init(kernel.registry.add({ id, owner: 'bench' }));
let tick = 0;
const background = setInterval(() => {
  for (let i = 0; i < BACKGROUND_PER_S / 100; i++) kernel.states.update(sensors[tick++ % sensors.length]!, { state: tick / 10 });
}, 10);

const sim = hardware.sim!;
const latencies: number[] = [];
for (let i = 0; i < EVENTS; i++) {
  const level = i % 2 === 0 ? 1 : 0;
  const written = new Promise<number>((resolve) => {
    const off = sim.onLineChange((line, value) => {
      if (line !== OUTPUT_LINE || value !== level) return;
      off();
      resolve(performance.now());
    });
  });
  const start = performance.now();
  sim.drive(INPUT_LINE, level);
  latencies.push((await written) - start);
  await new Promise((r) => setTimeout(r, 1)); // paced like real presses, so background ticks interleave
}
clearInterval(background);

await engine.stop();
await host.stop();
await hardware.close();
database.close();
rmSync(dir, { recursive: true, force: true });

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
const result = {
  name: 'reaction',
  events: EVENTS,
  backgroundChangesPerS: BACKGROUND_PER_S,
  backgroundChanges: tick,
  p50Ms: round(pct(50)),
  p90Ms: round(pct(90)),
  p99Ms: round(pct(99)),
  maxMs: round(latencies[latencies.length - 1]!),
  targets: { p50Ms: TARGET.p50, p99Ms: TARGET.p99 },
  pass: pct(50) <= TARGET.p50 && pct(99) <= TARGET.p99,
  node: process.version,
  at: new Date().toISOString(),
};
console.log('reaction: sim input edge → automation → output line');
console.table({ p50: { ms: result.p50Ms, target: TARGET.p50 }, p90: { ms: result.p90Ms, target: '' }, p99: { ms: result.p99Ms, target: TARGET.p99 }, max: { ms: result.maxMs, target: '' } });
console.log(`${EVENTS} events, ${tick} background state changes; ${result.pass ? 'PASS' : 'FAIL'}`);
const out = join(fileURLToPath(new URL('../results/', import.meta.url)));
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'reaction.json'), `${JSON.stringify(result, null, 2)}\n`);

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

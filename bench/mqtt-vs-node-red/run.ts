/**
 * Hearth vs Node-RED on one rule — "a sensor reading above the threshold publishes ON
 * to a command topic" — both on one Mosquitto, one publisher at rising rates.
 * Usage: npx tsx bench/mqtt-vs-node-red/run.ts [--seconds 3] [--rates 250,500,…]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connectAsync } from 'mqtt';
import { startMosquitto } from '../../tests/helpers/mosquitto.js';
import { onNode24, rssMb, serviceUnitRuntime } from '../process-stats.js';
import { runStep, warmUp, type StepResult } from './load.js';
import { buildHearth, NODE_RED_VERSION, ROOT, startBareRule, startHearth, startNodeRed, type System } from './systems.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' }, rates: { type: 'string', default: '500,1000,2000,4000,8000,12000,16000,20000,24000,28000,32000' } } });
const seconds = Number(values.seconds);
const rates = values.rates.split(',').map(Number);

interface SystemResult {
  name: string;
  idleRssMb: number;
  steps: StepResult[];
  /** The highest achieved rate of a step that kept up. */
  sustainedRate: number;
  /** Latency, CPU and memory at the highest rate Hearth, Node-RED and the bare client all sustained (else this system's best). */
  atCommonRate?: StepResult;
}

async function measure(start: (url: string) => Promise<System>, brokerUrl: string): Promise<SystemResult> {
  const system = await start(brokerUrl);
  const pub = await connectAsync(brokerUrl, { clientId: `bench_pub_${system.name}` });
  const sub = await connectAsync(brokerUrl, { clientId: `bench_sub_${system.name}` });
  try {
    await warmUp(pub, sub, system);
    const idleRssMb = Math.round(rssMb(system.pid) * 10) / 10;
    const steps: StepResult[] = [];
    for (const rate of rates) {
      const step = await runStep(pub, sub, system, rate, seconds);
      steps.push(step);
      console.log(`${system.name.padEnd(9)} ${String(rate).padStart(6)}/s → ${String(step.achievedRate).padStart(6)}/s  p50 ${step.p50Ms} ms  p99 ${step.p99Ms} ms  ${step.received}/${step.sent}  ${step.peakRssMb} MB  ${step.cpuUsPerReading} µs CPU/reading${step.keptUp ? '' : '  (fell behind)'}`);
      if (!step.keptUp) break;
    }
    const sustainedRate = Math.max(0, ...steps.filter((s) => s.keptUp).map((s) => s.achievedRate));
    return { name: system.name, idleRssMb, steps, sustainedRate };
  } finally {
    await pub.endAsync();
    await sub.endAsync();
    await system.stop();
  }
}

// set_tcp_nodelay: a broker left on Nagle's algorithm holds each small PUBLISH until the
// previous one is ACKed, which adds ~10-25 ms per hop to both systems alike (docs/mqtt.md).
const broker = await startMosquitto({ extraConfig: ['max_queued_messages 0', 'max_inflight_messages 0', 'set_tcp_nodelay true'] });
let results: SystemResult[];
try {
  buildHearth();
  results = [
    await measure((url) => startHearth(url), broker.url),
    await measure(startNodeRed, broker.url),
    await measure(startBareRule, broker.url),
    await measure((url) => startHearth(url, serviceUnitRuntime()), broker.url),
    await measure((url) => startHearth(url, onNode24(), 'Hearth on Node 24'), broker.url),
    await measure((url) => startHearth(url, onNode24(serviceUnitRuntime()), 'Hearth on Node 24 (unit flags)'), broker.url),
  ];
} finally {
  await broker.stop();
}

// Compared where Hearth, Node-RED and the bare client all kept up; the unit-flags run
// (a memory-first configuration) is shown at its own best kept-up step.
const compared = results.slice(0, 3);
const common = Math.max(0, ...rates.filter((r) => compared.every((s) => s.steps.some((step) => step.offeredRate === r && step.keptUp))));
for (const r of results) r.atCommonRate = r.steps.find((s) => s.offeredRate === common && s.keptUp) ?? r.steps.findLast((s) => s.keptUp);

const rows = results.map((r) => ({
  system: r.name,
  'sustained /s': r.sustainedRate,
  'at /s': r.atCommonRate?.offeredRate,
  'p50 ms': r.atCommonRate?.p50Ms,
  'p99 ms': r.atCommonRate?.p99Ms,
  'CPU µs/reading': r.atCommonRate?.cpuUsPerReading,
  'readings/s per core': r.atCommonRate ? Math.round(1e6 / r.atCommonRate.cpuUsPerReading) : undefined,
  'idle RSS MB': r.idleRssMb,
  'RSS MB': r.atCommonRate?.peakRssMb,
  'peak RSS MB': Math.max(...r.steps.map((s) => s.peakRssMb)),
}));
console.table(rows);
const [hearth, nodeRed, bare] = compared as [SystemResult, SystemResult, SystemResult];
const ratio = nodeRed.sustainedRate ? hearth.sustainedRate / nodeRed.sustainedRate : Infinity;
const cpu = (r: SystemResult) => r.atCommonRate?.cpuUsPerReading ?? NaN;
const cpuRatio = cpu(nodeRed) / cpu(hearth);
console.log(`Hearth sustains ${ratio.toFixed(2)}× Node-RED's rate (target ≥ 2×).`);
console.log(`Readings per core (1 / CPU per reading @${common}/s): Hearth ${cpuRatio.toFixed(2)}× Node-RED; mqtt.js alone, the floor of both, ${(cpu(nodeRed) / cpu(bare)).toFixed(2)}×.`);

const out = join(ROOT, 'bench', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'mqtt-vs-node-red.json'),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, nodeRed: NODE_RED_VERSION, seconds, rates, commonRate: common, ratio, cpuRatio, results }, null, 2) + '\n',
);

/**
 * What isolation costs: command round trip through an isolated plugin against the
 * same plugin in process, and the memory each child process adds. The hub comes from
 * the built dist/ (`npm run build` first) through `hearth/testing`'s real kernel and
 * plugin host, so the child is the plain-JavaScript process users run, not one
 * carrying a TypeScript loader.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rssMb } from '../process-stats.js';

type Testing = typeof import('../../core/testing/index.js');
const { createTestHub } = (await import(new URL('../../dist/core/testing/index.js', import.meta.url).href)) as Testing;

const ROUNDS = 3000;
const HEALTHY = fileURLToPath(new URL('../../tests/fixtures/plugins/healthy', import.meta.url));

async function measure(isolate: boolean) {
  const hub = await createTestHub({ config: { plugins: [{ use: HEALTHY, isolate, tickMs: 3600000 }] } });
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = process.hrtime.bigint();
    await hub.command('switch.healthy', i % 2 ? 'turn_off' : 'turn_on');
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const pid = hub.plugins()[0]?.pid;
  const childRssMb = pid ? rssMb(pid) : 0;
  await hub.stop();
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50Ms: at(0.5), p99Ms: at(0.99), childRssMb };
}

const inProcess = await measure(false);
const isolated = await measure(true);
const addedP50Ms = isolated.p50Ms - inProcess.p50Ms;
const rows = [
  ['in process', inProcess.p50Ms.toFixed(3), inProcess.p99Ms.toFixed(3), '—'],
  ['isolated', isolated.p50Ms.toFixed(3), isolated.p99Ms.toFixed(3), isolated.childRssMb.toFixed(1)],
];
console.log(`command round trip over ${ROUNDS} commands (ms)`);
console.table(rows.map(([mode, p50, p99, rss]) => ({ mode, 'p50 ms': p50, 'p99 ms': p99, 'child RSS MB': rss })));
console.log(`added by isolation at p50: ${addedP50Ms.toFixed(3)} ms (target ≤ 1 ms) — ${addedP50Ms <= 1 ? 'met' : 'MISSED'}`);
const out = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'isolation.json'), JSON.stringify({ rounds: ROUNDS, inProcess, isolated, addedP50Ms, targetMs: 1, met: addedP50Ms <= 1, at: new Date().toISOString() }, null, 2));

/**
 * 100 WebSocket clients subscribed to every entity while 1,000 state changes/s flow
 * through the hub: p50/p99 delivery latency from state change to client (target p99
 * ≤ 50 ms; the coalescing window, `windowMs`, is part of it), the fan-out alone (each batch's
 * newest state, which waited least for the window) and the hub's CPU share.
 * Clients run in a child process so their CPU is not counted as the hub's.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../core/api/app.js';
import { startHttpServer } from '../../core/api/server.js';
import { DEFAULT_WS_OPTIONS } from '../../core/api/ws/session.js';
import { createAuth } from '../../core/auth/index.js';
import { openDatabase } from '../../core/db/index.js';
import { createKernel } from '../../core/kernel/index.js';
import { silentLogger } from '../../core/log.js';

const CLIENTS = 100;
const RATE = 1000;
const SECONDS = 5;
const ENTITIES = 50;
const here = dirname(fileURLToPath(import.meta.url));

const database = openDatabase(':memory:');
const auth = createAuth(database, { passwordCost: { logN: 10, r: 8, p: 1 } });
const kernel = createKernel(silentLogger());
for (let i = 0; i < ENTITIES; i++) kernel.states.init(kernel.registry.add({ id: `sensor.bench_${i}`, owner: 'bench' }));
const session = await auth.onboard({ username: 'bench', password: 'bench password' });
const app = createApp({ kernel, auth, log: silentLogger(), version: 'bench', startedAt: Date.now(), plugins: { list: () => [] } });
const server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });

const clients = fork(join(here, 'clients.ts'), [String(server.port), session.token, String(CLIENTS)], { execArgv: ['--import', 'tsx'] });
await new Promise<void>((resolve) => clients.once('message', () => resolve()));

const cpuStart = process.cpuUsage();
const wallStart = performance.now();
let sent = 0;
await new Promise<void>((resolve) => {
  // 1 ms ticks can't be relied on: catch up to the schedule on every tick.
  const timer = setInterval(() => {
    const due = Math.min(RATE * SECONDS, Math.floor(((performance.now() - wallStart) / 1000) * RATE));
    for (; sent < due; sent++) kernel.states.update(`sensor.bench_${sent % ENTITIES}`, { state: sent, attributes: { sentAt: performance.timeOrigin + performance.now() } });
    if (sent >= RATE * SECONDS) {
      clearInterval(timer);
      resolve();
    }
  }, 5);
});
const cpu = process.cpuUsage(cpuStart);
const wallMs = performance.now() - wallStart;
await new Promise((r) => setTimeout(r, 300));
clients.send('report');
type Report = { latencies: number[]; fanout: number[]; received: number };
const report = await new Promise<Report>((resolve) => clients.once('message', (m) => resolve(m as Report)));
clients.kill();
await server.close();
database.close();

const sorted = report.latencies.sort((a, b) => a - b);
const fanoutSorted = report.fanout.sort((a, b) => a - b);
const pct = (p: number, of = sorted) => of[Math.min(of.length - 1, Math.floor((p / 100) * of.length))] ?? NaN;
const result = {
  clients: CLIENTS,
  changesPerSecond: RATE,
  seconds: SECONDS,
  windowMs: DEFAULT_WS_OPTIONS.batchMs,
  changesSent: sent,
  statesDelivered: report.received,
  p50Ms: +pct(50).toFixed(1),
  p99Ms: +pct(99).toFixed(1),
  maxMs: +(sorted.at(-1) ?? NaN).toFixed(1),
  fanoutP50Ms: +pct(50, fanoutSorted).toFixed(1),
  fanoutP99Ms: +pct(99, fanoutSorted).toFixed(1),
  hubCpuPercent: +(((cpu.user + cpu.system) / 1000 / wallMs) * 100).toFixed(1),
  targetP99Ms: 50,
};
console.table([result]);
mkdirSync(join(here, '..', 'results'), { recursive: true });
writeFileSync(join(here, '..', 'results', 'ws-fanout.json'), `${JSON.stringify({ ...result, at: new Date().toISOString(), node: process.version }, null, 2)}\n`);

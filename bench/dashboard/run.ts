/**
 * Dashboard budgets: gzipped size of the JS the first page load needs (≤ 120 kB) and the
 * time from navigation to a rendered Home (≤ 1 s) in headless Chromium over loopback.
 * The hub's API is stood in for by a tiny server with 40 entities, so this measures the
 * dashboard alone; the e2e suite covers the real hub.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { getRequestListener } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { chromium } from 'playwright-core';
import { DASHBOARD_DIR, mountDashboard } from '../../core/api/static.js';

const ROOT = join(import.meta.dirname, '..', '..');
const RUNS = 10;

execFileSync('npx', ['vite', 'build', '--config', 'frontend/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });

/** Initial JS = scripts index.html loads plus their static imports (modulepreload), not lazy chunks. */
const html = readFileSync(join(DASHBOARD_DIR, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const initialGzip = initial.reduce((sum, f) => sum + gzipSync(readFileSync(join(DASHBOARD_DIR, f))).length, 0);

const now = new Date().toISOString();
const entities = Array.from({ length: 40 }, (_, i) => {
  const domain = ['light', 'switch', 'cover', 'sensor', 'binary_sensor'][i % 5]!;
  const state = domain === 'sensor' ? 20 + i / 10 : domain === 'cover' ? 'open' : 'off';
  const attributes = domain === 'sensor' ? { unit: '°C', deviceClass: 'temperature' } : domain === 'cover' ? { position: 100 } : domain === 'light' ? { brightness: 50 } : {};
  return { id: `${domain}.e${i}`, domain, name: `Entity ${i}`, area: `area_${i % 6}`, state, attributes, available: true, lastChanged: now, lastUpdated: now, context: { id: 'c' } };
});
const app = new Hono();
app.get('/api/auth/me', (c) => c.json({ id: 'u', username: 'bench', role: 'owner' }));
app.get('/api/entities', (c) => c.json(entities));
app.get('/api/history/:id', (c) => c.json({ entityId: c.req.param('id'), points: Array.from({ length: 120 }, (_, i) => [Date.now() - (120 - i) * 720_000, 20 + Math.sin(i / 9)]) }));
mountDashboard(app);
const server = createServer(getRequestListener(app.fetch));
const wss = new WebSocketServer({ server, path: '/api/ws' });
wss.on('connection', (ws) =>
  ws.on('message', (raw) => {
    const msg = JSON.parse(String(raw)) as { id: number; type: string };
    ws.send(JSON.stringify({ id: msg.id, type: 'result', success: true }));
    if (msg.type === 'subscribe_entities') ws.send(JSON.stringify({ id: msg.id, type: 'event', event: { snapshot: entities } }));
  }),
);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const page = await browser.newPage();
  const t0 = performance.now();
  await page.goto(url);
  await page.locator('hearth-sensor-card').nth(7).waitFor();
  times.push(performance.now() - t0);
  await page.close();
}
await browser.close();
wss.close();
server.close();

times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
const result = {
  initialJsGzipKb: +(initialGzip / 1024).toFixed(1),
  initialJsBudgetKb: 120,
  homeRenderMedianMs: Math.round(median),
  homeRenderMaxMs: Math.round(times[times.length - 1]!),
  homeRenderBudgetMs: 1000,
  runs: RUNS,
  entities: entities.length,
};
console.table([
  { metric: 'initial JS (gzip)', value: `${result.initialJsGzipKb} kB`, budget: '≤ 120 kB', ok: result.initialJsGzipKb <= 120 },
  { metric: 'Home rendered (median)', value: `${result.homeRenderMedianMs} ms`, budget: '≤ 1000 ms', ok: median <= 1000 },
  { metric: 'Home rendered (worst)', value: `${result.homeRenderMaxMs} ms`, budget: '', ok: '' },
]);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'dashboard.json'), `${JSON.stringify(result, null, 2)}\n`);

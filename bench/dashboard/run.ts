/**
 * Dashboard budgets: gzipped size of the JS the first page load needs (≤ 120 kB) and the
 * time from navigation to a rendered Home (≤ 1 s) in headless Chromium over loopback.
 * The hub's API is stood in for by a tiny server with 40 entities, so this measures the
 * dashboard alone; the e2e suite covers the real hub.
 * Then the History view at phone width (390×844): 6 entities over 7 days, from navigation
 * to every chart and timeline drawn (≤ 1 s), and the bytes it transfers. Its history
 * and statistics come from the real routes over a week recorded by the real recorder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { getRequestListener } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { chromium, type Browser } from 'playwright-core';
import type { ApiEnv } from '../../core/api/env.js';
import { errorResponse } from '../../core/api/errors.js';
import { createHistoryRoutes } from '../../core/api/routes/history.js';
import { DASHBOARD_DIR, mountDashboard } from '../../core/api/static.js';
import { silentLogger } from '../../core/log.js';
import { seedWeek } from './seed-history.js';

const ROOT = join(import.meta.dirname, '..', '..');
const RUNS = 10;

execFileSync('npx', ['vite', 'build', '--config', 'frontend/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
// what `npm run build` ships: the hub serves the .br/.gz twins, so the bytes measured are a real install's
execFileSync('node', ['scripts/precompress.mjs'], { cwd: ROOT, stdio: 'inherit' });

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
const user = { id: 'u', username: 'bench', role: 'owner' } as const;
/** The History view's six: four temperatures (one chart) and two binary sensors (timelines). */
const HISTORY_SENSORS = ['sensor.e3', 'sensor.e8', 'sensor.e13', 'sensor.e18'];
const HISTORY_BINARIES = ['binary_sensor.e4', 'binary_sensor.e9'];
const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-dashboard-'));
const seeded = await seedWeek(dataDir, HISTORY_SENSORS, HISTORY_BINARIES, Date.now());

const app = new Hono<ApiEnv>();
app.onError((err, c) => errorResponse(err, c, silentLogger()));
app.use('/api/*', async (c, next) => {
  c.set('user', user);
  await next();
});
app.get('/api/auth/session', (c) => c.json({ user }));
app.get('/api/auth/me', (c) => c.json(user));
app.get('/api/entities', (c) => c.json(entities));
app.get('/api/automations', (c) => c.json({ automations: [] }));
// Home's sparklines ask for a day of every sensor: the stand-in's six recorded ones answer from the week, the rest with a sine.
app.get('/api/history/:id', async (c, next) => (HISTORY_SENSORS.includes(c.req.param('id')) || HISTORY_BINARIES.includes(c.req.param('id'))
  ? next()
  : c.json({ entityId: c.req.param('id'), points: Array.from({ length: 120 }, (_, i) => [Date.now() - (120 - i) * 720_000, 20 + Math.sin(i / 9)]) })));
app.route('/api', createHistoryRoutes({ queries: seeded.queries }));
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
const history = await measureHistory(browser);
await browser.close();
wss.close();
server.close();
seeded.database.close();
rmSync(dataDir, { recursive: true, force: true });

/** Navigation to /history?…&range=7d until every chart and timeline is drawn, each load in a fresh context (cold cache). */
async function measureHistory(b: Browser) {
  const ms: number[] = [];
  const bytes: number[] = [];
  const link = `${url}history?e=${[...HISTORY_SENSORS, ...HISTORY_BINARIES].join(',')}&range=7d`;
  for (let i = 0; i < RUNS; i++) {
    const context = await b.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let transferred = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (transferred += e.encodedDataLength));
    await cdp.send('Network.enable');
    const t0 = performance.now();
    await page.goto(link);
    await page.locator('hearth-history-view[data-ready]').waitFor({ timeout: 15_000 });
    ms.push(performance.now() - t0);
    const drawn = await page.locator('hearth-history-chart canvas').count();
    const rows = await page.locator('hearth-history-view .timeline').count();
    if (drawn !== 1 || rows !== HISTORY_BINARIES.length) throw new Error(`History drew ${drawn} charts and ${rows} timelines`);
    bytes.push(transferred);
    await context.close();
  }
  ms.sort((a, b2) => a - b2);
  bytes.sort((a, b2) => a - b2);
  return { median: ms[Math.floor(RUNS / 2)]!, max: ms[RUNS - 1]!, bytes: bytes[Math.floor(RUNS / 2)]! };
}

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

const historyResult = {
  entities: HISTORY_SENSORS.length + HISTORY_BINARIES.length,
  days: 7,
  readingsSeeded: seeded.readings,
  viewport: '390x844',
  historyDrawnMedianMs: Math.round(history.median),
  historyDrawnMaxMs: Math.round(history.max),
  historyDrawnBudgetMs: 1000,
  transferredKb: +(history.bytes / 1024).toFixed(1),
  runs: RUNS,
};
console.table([
  { metric: 'History, 6 entities × 7 d drawn (median)', value: `${historyResult.historyDrawnMedianMs} ms`, budget: '≤ 1000 ms', ok: history.median <= 1000 },
  { metric: 'History drawn (worst)', value: `${historyResult.historyDrawnMaxMs} ms`, budget: '', ok: '' },
  { metric: 'History bytes transferred (median)', value: `${historyResult.transferredKb} kB`, budget: '', ok: '' },
]);
writeFileSync(join(ROOT, 'bench', 'results', 'dashboard-history.json'), `${JSON.stringify(historyResult, null, 2)}\n`);

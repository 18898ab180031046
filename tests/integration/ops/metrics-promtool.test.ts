import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type RunningHub } from '../../helpers/hub-process.js';

const PROMTOOL = '/usr/bin/promtool';
const TOKEN = 'scrape-token-for-the-test-0123';
let dir: string;
let hub: RunningHub;

beforeAll(async () => {
  // Loud, not skipped: scripts/ensure-test-tools.mjs installs it (Debian package `prometheus`).
  if (!existsSync(PROMTOOL)) throw new Error(`${PROMTOOL} is missing: run scripts/ensure-test-tools.mjs (apt-get install prometheus)`);
  dir = mkdtempSync(join(tmpdir(), 'hearth-metrics-'));
  const config = join(dir, 'hearth.yaml');
  writeFileSync(config, `name: Metrics house\nhardware: { backend: sim }\nmetrics: { token: ${TOKEN} }\nplugins:\n  - use: gpio\n    entities:\n      - { id: binary_sensor.door, line: 5 }\n`);
  hub = await startHubProcess({ config, dataDir: join(dir, 'data') });
});
afterAll(async () => {
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const scrape = async () => {
  const res = await fetch(`${hub.url}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
};

describe('GET /api/metrics on a running hub', () => {
  it('passes promtool check metrics (format and lint)', async () => {
    await fetch(`${hub.url}/api/health`);
    await fetch(`${hub.url}/api/entities/binary_sensor.door`);
    await fetch(`${hub.url}/api/no/such/route/${Math.random()}`);
    const text = await scrape();
    let out = '';
    try {
      out = execFileSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      throw new Error(`promtool check metrics failed:\n${e.stdout ?? ''}${e.stderr ?? ''}\n--- scraped ---\n${text}`);
    }
    expect(out).toBe('');
    expect(text).toContain('# TYPE hearth_event_loop_lag_seconds summary\n');
    expect(text).toMatch(/^hearth_event_loop_lag_seconds_count \d+$/m);
  });

  it('counts requests by route pattern, never by raw path', async () => {
    const text = await scrape();
    expect(text).toContain('# TYPE hearth_http_request_duration_seconds histogram\n');
    // The previous scrape answered through the metrics route itself.
    expect(text).toMatch(/^hearth_http_requests_total\{route="\/api\/metrics",method="GET",status="200"\} [1-9]\d*$/m);
    expect(text).toMatch(/^hearth_http_requests_total\{route="\/api\/entities\/:id",method="GET",status="401"\} 1$/m);
    expect(text).toMatch(/^hearth_http_requests_total\{route="other",method="GET",status="401"\} 1$/m);
    expect(text).not.toContain('binary_sensor.door",method');
    expect(text).not.toContain('/no/such');
    expect(text).toMatch(/^hearth_http_request_duration_seconds_bucket\{route="\/api\/metrics",method="GET",status="200",le="\+Inf"\} [1-9]\d*$/m);
  });
});

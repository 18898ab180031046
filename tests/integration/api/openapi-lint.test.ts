import { createConfig, lintFromString } from '@redocly/openapi-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config/index.js';
import { startHub, type Hub } from '../../../core/hub.js';
import { silentLogger } from '../../../core/log.js';

// Served by the hub but not part of the JSON API: the document itself and the dashboard's files.
const NOT_API = new Set(['/api/openapi.json', '/*']);

let dir: string;
let hub: Hub;
let doc: { paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>; servers?: unknown[]; info: { license?: unknown } };
let text: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-openapi-'));
  const config = join(dir, 'hearth.yaml');
  writeFileSync(config, 'name: OpenAPI house\nhardware: { backend: sim }\n');
  hub = await startHub({ loaded: loadConfig(config), dataDir: join(dir, 'data'), log: silentLogger(), port: 0, host: '127.0.0.1', backfill: false });
  const res = await fetch(new URL('/api/openapi.json', hub.url));
  expect(res.status).toBe(200);
  text = await res.text();
  doc = JSON.parse(text) as typeof doc;
});
afterAll(async () => {
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('/api/openapi.json of the whole hub', () => {
  it('passes Redocly lint (recommended) without an error', async () => {
    const results = await lintFromString({ source: text, absoluteRef: join(dir, 'openapi.json'), config: await createConfig({ extends: ['recommended'] }) });
    const errors = results.filter((r) => r.severity === 'error');
    const warnings = results.filter((r) => r.severity === 'warn');
    console.info(`Redocly recommended: ${errors.length} errors, ${warnings.length} warnings`, warnings.map((w) => `${w.ruleId} at ${w.location[0]?.pointer}`));
    expect(errors.map((e) => `${e.ruleId}: ${e.message} at ${e.location[0]?.pointer}`)).toEqual([]);
  });

  it('names every operation, declares servers, a license and signed-in security by default', () => {
    expect(doc.servers).toHaveLength(1);
    expect(doc.info.license).toMatchObject({ name: 'MIT' });
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/health']!.get!.security).toEqual([]);
    expect(doc.paths['/api/entities/{id}']!.get!.security).toBeUndefined();
  });

  it('describes every route the app serves', () => {
    const described = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    const served = new Set(
      hub.app.routes
        .filter((r) => r.method !== 'ALL' && !NOT_API.has(r.path))
        .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}')}`),
    );
    expect([...served].filter((route) => !described.has(route)).sort()).toEqual([]);
  });
});

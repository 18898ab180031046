import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { mountDashboard } from '../../../core/api/static.js';

function app() {
  const root = mkdtempSync(join(tmpdir(), 'hearth-dist-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<hearth-app></hearth-app>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  const a = new Hono();
  a.get('/api/health', (c) => c.json({ status: 'ok' }));
  mountDashboard(a, root);
  a.notFound((c) => c.json({ error: { code: 'not_found', message: 'no route' } }, 404));
  return a;
}

describe('dashboard static serving', () => {
  it('caches hashed assets as immutable', async () => {
    const res = await app().request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
  it('answers deep links with index.html, never cached', async () => {
    const res = await app().request('/entity/light.hall');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<hearth-app>');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });
  it('leaves API routes and missing assets to the JSON 404', async () => {
    const a = app();
    expect((await a.request('/api/health')).status).toBe(200);
    const api404 = await a.request('/api/nope');
    expect(api404.status).toBe(404);
    expect(await api404.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await a.request('/assets/gone-123.js')).status).toBe(404);
  });
  it('never serves files outside the dashboard folder', async () => {
    const res = await app().request('/..%2f..%2fetc%2fpasswd');
    expect(await res.text()).toContain('<hearth-app>');
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../../core/api/server.js';
import { mountDashboard } from '../../../core/api/static.js';

const PRECOMPRESS = new URL('../../../scripts/precompress.mjs', import.meta.url).pathname;
// Repetitive enough that both codings shrink it, as they do a real bundle.
const SCRIPT = `export const rooms = [${Array.from({ length: 200 }, (_, i) => `'room-${i}'`).join(', ')}];\n`;

function builtDashboard(): string {
  const root = mkdtempSync(join(tmpdir(), 'hearth-dist-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), `<!doctype html><hearth-app></hearth-app>${'<!-- padding -->'.repeat(20)}`);
  writeFileSync(join(root, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(root, 'assets', 'logo-abc123.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  execFileSync(process.execPath, [PRECOMPRESS, root], { stdio: 'ignore' });
  return root;
}

function app(root: string) {
  const a = new Hono();
  a.get('/api/health', (c) => c.json({ status: 'ok' }));
  mountDashboard(a, root);
  a.notFound((c) => c.json({ error: { code: 'not_found', message: 'no route' } }, 404));
  return a;
}

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET over loopback that keeps the bytes as sent (fetch would decode them). */
function get(base: string, path: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpGet(new URL(path, base), { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('dashboard static serving', () => {
  const root = builtDashboard();
  let server: HttpServer;
  beforeAll(async () => {
    server = await startHttpServer(app(root), { port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it('sends the brotli twin when accepted, preferred over gzip, and it decodes to the file', async () => {
    const res = await get(server.url, '/assets/index-abc123.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-length']).toBe(String(res.body.length));
    expect(res.body.length).toBeLessThan(SCRIPT.length);
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends gzip when brotli is not accepted or refused', async () => {
    for (const header of ['gzip', 'br;q=0, gzip;q=0.8', 'br;q=0, *']) {
      const res = await get(server.url, '/assets/index-abc123.js', header);
      expect(res.headers['content-encoding'], header).toBe('gzip');
      expect(res.headers['content-length']).toBe(String(res.body.length));
      expect(gunzipSync(res.body).toString()).toBe(SCRIPT);
    }
  });

  it('sends the file itself when no coding is accepted', async () => {
    for (const header of [undefined, 'identity', 'gzip;q=0, br;q=0', 'deflate']) {
      const res = await get(server.url, '/assets/index-abc123.js', header);
      expect(res.headers['content-encoding'], header).toBeUndefined();
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.headers['content-length']).toBe(String(SCRIPT.length));
      expect(res.body.toString()).toBe(SCRIPT);
    }
  });

  it('leaves files that do not compress alone', async () => {
    const res = await get(server.url, '/assets/logo-abc123.png', 'br, gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBeUndefined();
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.body).toEqual(readFileSync(join(root, 'assets', 'logo-abc123.png')));
  });

  it('answers deep links with index.html, compressed and never cached', async () => {
    const res = await get(server.url, '/entity/light.hall', 'br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).toString()).toContain('<hearth-app>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('leaves API routes and missing assets to the JSON 404', async () => {
    expect((await get(server.url, '/api/health')).status).toBe(200);
    const api404 = await get(server.url, '/api/nope');
    expect(api404.status).toBe(404);
    expect(JSON.parse(api404.body.toString())).toMatchObject({ error: { code: 'not_found' } });
    expect((await get(server.url, '/assets/gone-123.js')).status).toBe(404);
  });

  it('never serves files outside the dashboard folder', async () => {
    const res = await get(server.url, '/..%2f..%2fetc%2fpasswd');
    expect(res.body.toString()).toContain('<hearth-app>');
  });
});

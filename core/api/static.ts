import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Env, Hono } from 'hono';
import { ValidationError } from '../errors.js';
import { PACKAGE_ROOT } from '../version.js';
import { acceptedCodings, CODINGS, type Coding } from './content-coding.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

export const DASHBOARD_DIR = join(PACKAGE_ROOT, 'frontend', 'dist');

/**
 * Serves the built dashboard at `/`: files under assets/ carry a content hash in their
 * name, so they are cached for a year as immutable; every other path that is not a file
 * gets index.html (the SPA decides the page) and is never cached, so an upgrade shows at once.
 * A file the build precompressed is sent as its .br or .gz twin when the client accepts that
 * coding (`Vary: Accept-Encoding` keeps shared caches from mixing them up).
 * Mount it last so /api routes win; unknown /api paths stay JSON 404s.
 */
export function mountDashboard<E extends Env>(app: Hono<E>, root: string = DASHBOARD_DIR): void {
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return next();
    const path = safeDecode(c.req.path);
    if (path === undefined) throw new ValidationError(`malformed URL path ${c.req.path}`);
    const file = resolveInside(root, path);
    const hit = file && (await isFile(file)) ? file : undefined;
    if (!hit && path.startsWith('/assets/')) return next();
    const served = hit ?? join(root, 'index.html');
    const variant = await compressedVariant(served, acceptedCodings(c.req.header('accept-encoding')));
    let body: Buffer;
    try {
      body = variant?.body ?? (await readFile(served));
    } catch {
      return c.text('The dashboard is not built. Run `npm run build`.', 503);
    }
    const immutable = hit !== undefined && path.startsWith('/assets/');
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
      'content-length': String(body.length),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    if (variant) headers['content-encoding'] = variant.coding;
    if (variant || (await hasVariant(served))) headers.vary = 'Accept-Encoding';
    return c.body(new Uint8Array(body), 200, headers);
  });
}

/** The first precompressed twin of file, in the server's order, that the client accepts. */
async function compressedVariant(file: string, accepted: Coding[]): Promise<{ coding: Coding; body: Buffer } | undefined> {
  for (const { coding, suffix } of CODINGS) {
    if (!accepted.includes(coding)) continue;
    try {
      return { coding, body: await readFile(file + suffix) };
    } catch {
      // This file has no such twin (an image, or a variant that would not have been smaller).
    }
  }
  return undefined;
}

async function hasVariant(file: string): Promise<boolean> {
  for (const { suffix } of CODINGS) if (await isFile(file + suffix)) return true;
  return false;
}

/** The file a URL path names under root, or undefined when it would escape root. */
function resolveInside(root: string, urlPath: string): string | undefined {
  if (urlPath.includes('\0')) return undefined;
  const full = normalize(join(root, urlPath));
  return full === root || full.startsWith(root + sep) ? full : undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function safeDecode(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/**
 * Writes a .br and a .gz beside every text file of the built dashboard, so the hub
 * (core/api/static.ts) can send compressed bytes without compressing on the Pi per
 * request. Max quality is affordable here: it runs once per build, not per request.
 * A variant is kept only when it is smaller than the original.
 * Usage: node scripts/precompress.mjs [folder]   (default frontend/dist)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = process.argv[2] ?? new URL('../frontend/dist/', import.meta.url).pathname;
// Images and fonts in these formats are compressed already; a second pass only costs bytes.
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.webmanifest', '.ico']);

let saved = 0;
for (const entry of readdirSync(DIST, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name))) continue;
  const file = join(entry.parentPath, entry.name);
  const original = readFileSync(file);
  const variants = {
    br: brotliCompressSync(original, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
      },
    }),
    gz: gzipSync(original, { level: constants.Z_BEST_COMPRESSION }),
  };
  for (const [suffix, bytes] of Object.entries(variants)) {
    if (bytes.length >= original.length) continue;
    writeFileSync(`${file}.${suffix}`, bytes);
    if (suffix === 'br') saved += original.length - bytes.length;
  }
}
console.log(`precompressed dashboard: ${(saved / 1024).toFixed(1)} kB saved with brotli`);

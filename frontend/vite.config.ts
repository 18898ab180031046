import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const hub = process.env.HEARTH_URL ?? 'http://localhost:8420';

/**
 * Emits sw.js with the list of files it caches and a version derived from their names (the bundles carry content
 * hashes), so every build that changes the dashboard installs a fresh cache. Files from public/ are listed as well.
 */
function serviceWorker(): Plugin {
  return {
    name: 'hearth-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = ['/index.html', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png'];
      for (const name of Object.keys(bundle)) if (name.startsWith('assets/')) files.push(`/${name}`);
      files.sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(fileURLToPath(new URL('sw.js', import.meta.url)), 'utf8')
        .replace('__HEARTH_VERSION__', JSON.stringify(version))
        .replace('__HEARTH_SHELL__', JSON.stringify(files));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Hashed names under assets/ are what core/api/static.ts caches as immutable.
    assetsDir: 'assets',
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: hub, ws: true, changeOrigin: false } },
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const hub = process.env.HEARTH_URL ?? 'http://localhost:8420';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
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

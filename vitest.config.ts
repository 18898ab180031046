import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The SDK's package names, as tsconfig.json maps them: examples/plugins import Hearth as a third party does. */
const sdk = (name: string, file: string) => ({ find: new RegExp(`^hearth/${name}$`), replacement: fileURLToPath(new URL(file, import.meta.url)) });

export default defineConfig({
  resolve: {
    alias: [sdk('plugin-api', './core/plugin-api.ts'), sdk('hardware', './hardware/index.ts'), sdk('testing', './core/testing/index.ts')],
  },
  test: {
    include: ['tests/**/*.test.ts', 'core/**/*.test.ts', 'hardware/**/*.test.ts', 'plugins/**/*.test.ts', 'examples/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

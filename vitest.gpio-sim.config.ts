import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/** `npm run test:gpio-sim` only (scripts/test-gpio-sim.mjs): the gpiod backend on the kernel's gpio-sim module. */
export default defineConfig({
  resolve: base.resolve,
  test: { include: ['tests/gpio-sim/*.gpio-sim.ts'], testTimeout: 20_000, pool: 'forks' },
});

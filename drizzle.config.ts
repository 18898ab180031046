import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './core/**/schema.ts',
  out: './core/db/migrations',
});

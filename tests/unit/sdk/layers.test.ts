import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../../scripts/check-layers.mjs', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../fixtures/layers', import.meta.url));

describe('the import-boundary check (npm run check:layers)', () => {
  it('fails on a plugin importing a core internal and on run-time hub code in the dashboard, naming rule and edge', async () => {
    const failure = await promisify(execFile)(process.execPath, [SCRIPT, FIXTURE]).then(
      () => undefined,
      (err: { code: number; stdout: string }) => err,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain('plugins-use-the-sdk-only: plugins/sneaky/index.ts → core/kernel/registry.ts');
    expect(failure?.stdout).toContain('frontend-imports-api-types-only: frontend/src/app.ts → core/kernel/registry.ts');
    // The SDK entry itself is allowed.
    expect(failure?.stdout).not.toContain('→ core/plugin-api.ts');
    expect(failure?.stdout).toMatch(/2 dependency violations/);
  });
});

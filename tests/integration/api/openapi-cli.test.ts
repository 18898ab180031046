import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from '../../../core/auth/index.js';
import { openDatabase } from '../../../core/db/index.js';
import { PASSWORD, createHarness, type Harness } from './harness.js';

describe('OpenAPI document', () => {
  let h: Harness;
  beforeAll(async () => (h = await createHarness()));
  afterAll(() => h.close());

  it('describes every route with schemas from the validators', async () => {
    const doc = (await (await h.app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> }; 'x-hearth-access': string }>>;
    };
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/users/{id}', '/api/entities/{id}/commands/{command}', '/api/sim/lines/{line}', '/api/ws']));
    const createUser = doc.paths['/api/users']!.post!;
    expect(createUser['x-hearth-access']).toBe('admin');
    const schema = createUser.requestBody!.content['application/json']!.schema;
    expect(Object.keys(schema.properties)).toEqual(['username', 'password', 'role']);
    expect(schema.required).toEqual(['username', 'password']);
  });
});

describe('hearth user (CLI)', () => {
  const run = promisify(execFile);
  let dir: string;
  let config: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-cli-'));
    config = join(dir, 'hearth.yaml');
    writeFileSync(config, 'name: test\nhardware: { backend: sim }\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const hearth = (args: string[], input = '') => {
    const child = run('node', ['dist/core/cli.js', 'user', ...args, '--config', config, '--data', dir]);
    child.child.stdin!.end(input);
    return child.then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  };

  it('adds, lists, resets and removes users in the hub database', async () => {
    expect(await hearth(['add', 'Olivia', '--role', 'owner'], `${PASSWORD}\n`)).toMatchObject({ code: 0, stdout: 'added olivia (owner)\n' });
    expect(await hearth(['add', 'mia'], 'new password\n')).toMatchObject({ code: 0 });
    expect((await hearth(['list'])).stdout).toMatch(/^mia\tmember\t.*\nolivia\towner\t/);
    expect(await hearth(['passwd', 'olivia'], 'a fresh password\n')).toMatchObject({ code: 0 });
    const removeOwner = await hearth(['remove', 'olivia']);
    expect(removeOwner.code).toBe(1);
    expect(removeOwner.stderr).toMatch(/only owner/);
    expect(await hearth(['add', 'kid'], 'short\n')).toMatchObject({ code: 1, stderr: expect.stringMatching(/at least 8/) });
    expect(await hearth(['remove', 'nobody'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/no user named 'nobody'/) });
    expect(await hearth(['frobnicate'])).toMatchObject({ code: 2 });
    expect(await hearth(['remove', 'mia'])).toMatchObject({ code: 0 });

    const database = openDatabase(join(dir, 'hearth.db'));
    const auth = createAuth(database);
    await expect(auth.login('olivia', 'a fresh password', 'test')).resolves.toMatchObject({ user: { role: 'owner' } });
    database.close();
  });
});

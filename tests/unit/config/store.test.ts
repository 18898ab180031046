import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfigStore, parseConfig } from '../../../core/config/index.js';
import { ConflictError, InvalidConfigError, ReadOnlyConfigError } from '../../../core/errors.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/configs/commented.yaml');

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-store-'));
  const file = join(dir, 'hearth.yaml');
  copyFileSync(FIXTURE, file);
  writeFileSync(join(dir, 'secrets.yaml'), 'mqtt_password: s3cret\n');
  // The fixture's `defaults:` anchor is not a config key: the check drops it, as a plugin check would drop an unknown key.
  const check = async (text: string) => void parseConfig(text.replace(/^defaults:[\s\S]*?\n\n/m, ''), file);
  return { dir, file, store: createConfigStore({ file, check }) };
}

const addArea = (area: string) => (raw: Record<string, unknown>) => ({ ...raw, areas: [...(raw.areas as string[]), area] });

describe('config store: checked, atomic, conflict-safe edits', () => {
  it('reads revision, writability and what the file says, a secret as its key', () => {
    const { store, file } = setUp();
    const snapshot = store.read();
    expect(snapshot).toMatchObject({ file, writable: true, raw: { mqtt: { password: 'mqtt_password' } } });
    expect(snapshot.revision).toMatch(/^[0-9a-f]{20}$/);
  });

  it('writes the edit, keeps the previous file as .bak, and moves the revision', async () => {
    const { store, file } = setUp();
    const before = store.read();
    const { snapshot, changed } = await store.edit(before.revision, addArea('garage'));
    expect(changed).toBe(true);
    expect(snapshot.revision).not.toBe(before.revision);
    expect(readFileSync(file, 'utf8')).toBe(before.text.replace('areas: [hall, living_room,   kitchen]', 'areas: [hall, living_room, kitchen, garage]'));
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(before.text);
  });

  it('two edits made on one revision: the second is refused with 409 and the file has the first', async () => {
    const { store, file } = setUp();
    const { revision } = store.read();
    const results = await Promise.allSettled([store.edit(revision, addArea('garage')), store.edit(revision, addArea('attic'))]);
    expect(results[0].status).toBe('fulfilled');
    expect(results[1].status === 'rejected' && results[1].reason).toBeInstanceOf(ConflictError);
    expect(readFileSync(file, 'utf8')).toContain('areas: [hall, living_room, kitchen, garage]');
  });

  it('a file changed on disk since it was read: 409', async () => {
    const { store, file } = setUp();
    const { revision } = store.read();
    writeFileSync(file, `${readFileSync(file, 'utf8')}# edited over SSH\n`);
    await expect(store.edit(revision, addArea('garage'))).rejects.toBeInstanceOf(ConflictError);
  });

  it('an edit that fails the check leaves the file as it was, with every issue and its line', async () => {
    const { store, file } = setUp();
    const before = store.read();
    const error = await store.edit(before.revision, (raw) => ({ ...raw, areas: ['Not An Area'] })).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as InvalidConfigError).issues).toEqual([expect.objectContaining({ path: 'areas[0]', line: 7 })]);
    expect(readFileSync(file, 'utf8')).toBe(before.text);
  });

  it('a check that throws something else than a ConfigError is not reported as an invalid config', async () => {
    const { file } = setUp();
    const store = createConfigStore({ file, check: () => Promise.reject(new Error('disk gone')) });
    await expect(store.edit(store.read().revision, addArea('garage'))).rejects.toThrow('disk gone');
  });

  it('a read-only config says so and refuses edits with 423, the file untouched', async () => {
    const { file } = setUp();
    const before = readFileSync(file, 'utf8');
    // root writes through permission bits; the probe stands for a read-only mount
    const store = createConfigStore({ file, check: async () => {}, writable: () => false });
    expect(store.read().writable).toBe(false);
    await expect(store.edit(store.read().revision, addArea('garage'))).rejects.toBeInstanceOf(ReadOnlyConfigError);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a config marked read-only (the shipped demo house) is never written, although the file could be', async () => {
    const { file } = setUp();
    const store = createConfigStore({ file, check: async () => {}, readOnly: true });
    expect(store.read().writable).toBe(false);
    await expect(store.edit(store.read().revision, addArea('garage'))).rejects.toBeInstanceOf(ReadOnlyConfigError);
  });
});

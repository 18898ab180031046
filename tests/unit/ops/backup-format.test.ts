import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsToRotate } from '../../../core/backup/index.js';
import { extractTarEntry, listTar, writeTar } from '../../../core/backup/tar.js';
import { ValidationError } from '../../../core/errors.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hearth-tar-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('tar', () => {
  it('round-trips files of awkward sizes and is readable by GNU tar', () => {
    const sizes = [0, 1, 511, 512, 513, 70_000];
    const sources = sizes.map((size, i) => {
      const file = join(dir, `in${i}`);
      writeFileSync(file, Buffer.alloc(size, i + 1));
      return { name: `f${i}.bin`, file };
    });
    const archive = join(dir, 'a.tar');
    writeTar(archive, sources);
    const entries = listTar(archive);
    expect(entries.map((e) => [e.name, e.size])).toEqual(sizes.map((s, i) => [`f${i}.bin`, s]));
    entries.forEach((entry, i) => {
      extractTarEntry(archive, entry, join(dir, `out${i}`));
      expect(readFileSync(join(dir, `out${i}`)).equals(readFileSync(sources[i]!.file))).toBe(true);
    });
    expect(execFileSync('tar', ['-tf', archive], { encoding: 'utf8' }).trim().split('\n')).toEqual(sizes.map((_, i) => `f${i}.bin`));
  });

  it('rejects a truncated or corrupted archive with a 400-class error', () => {
    const file = join(dir, 'in');
    writeFileSync(file, 'hello');
    const archive = join(dir, 'a.tar');
    writeTar(archive, [{ name: 'x', file }]);
    const bytes = readFileSync(archive);
    writeFileSync(join(dir, 'short.tar'), bytes.subarray(0, 600));
    expect(() => listTar(join(dir, 'short.tar'))).toThrow(ValidationError);
    const flipped = Buffer.from(bytes);
    flipped[3] = flipped[3]! ^ 0xff;
    writeFileSync(join(dir, 'bad.tar'), flipped);
    expect(() => listTar(join(dir, 'bad.tar'))).toThrow(/checksum/);
  });
});

describe('rotation', () => {
  it('deletes the oldest archives beyond keep and ignores other files', () => {
    const names = ['hearth-20250103T033000Z.tar', 'notes.txt', 'hearth-20250101T033000Z.tar', 'hearth-20250102T033000Z.tar'];
    expect(backupsToRotate(names, 2)).toEqual(['hearth-20250101T033000Z.tar']);
    expect(backupsToRotate(names, 5)).toEqual([]);
  });
});

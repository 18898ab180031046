/**
 * A minimal POSIX ustar writer and reader: regular files only, names ≤ 100 bytes.
 * Enough for a backup archive that `tar -tvf` and `tar -xf` understand, without a
 * dependency. Contents are copied in chunks so a large database never sits in memory.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { ValidationError } from '../errors.js';

const BLOCK = 512;
const CHUNK = 1 << 20;

export interface TarSource {
  name: string;
  /** Path of the file to copy in. */
  file: string;
  mode?: number;
}

export interface TarEntry {
  name: string;
  size: number;
  /** Byte offset of the content inside the archive. */
  offset: number;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

export function tarHeader(name: string, size: number, mode: number, mtimeS: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new ValidationError(`name too long for ustar: ${name}`);
  const header = Buffer.alloc(BLOCK);
  nameBytes.copy(header, 0);
  header.write(octal(mode, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(mtimeS, 12), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  header.write(octal(checksum(header), 7) + ' ', 148, 'ascii');
  return header;
}

function checksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return sum;
}

/** Writes `sources` into a new archive at `path`. */
export function writeTar(path: string, sources: readonly TarSource[]): void {
  const out = openSync(path, 'wx', 0o600);
  const buffer = Buffer.alloc(CHUNK);
  try {
    for (const source of sources) {
      const input = openSync(source.file, 'r');
      try {
        const size = fstatSync(input).size;
        writeSync(out, tarHeader(source.name, size, source.mode ?? 0o644, Math.floor(Date.now() / 1000)));
        let copied = 0;
        while (copied < size) {
          const n = readSync(input, buffer, 0, Math.min(CHUNK, size - copied), copied);
          if (n === 0) throw new ValidationError(`${source.file} shrank while being archived`);
          writeSync(out, buffer, 0, n);
          copied += n;
        }
        const pad = (BLOCK - (size % BLOCK)) % BLOCK;
        if (pad) writeSync(out, Buffer.alloc(pad));
      } finally {
        closeSync(input);
      }
    }
    writeSync(out, Buffer.alloc(BLOCK * 2));
  } finally {
    closeSync(out);
  }
}

/** Lists the regular files of an archive; throws ValidationError (a 400) on anything malformed. */
export function listTar(path: string): TarEntry[] {
  const fd = openSync(path, 'r');
  try {
    const total = fstatSync(fd).size;
    const entries: TarEntry[] = [];
    const header = Buffer.alloc(BLOCK);
    let position = 0;
    for (;;) {
      if (position + BLOCK > total) throw new ValidationError('archive is truncated (no end marker)');
      readSync(fd, header, 0, BLOCK, position);
      if (header.every((b) => b === 0)) return entries;
      const stored = parseInt(header.toString('ascii', 148, 156).replace(/[\0 ]/g, ''), 8);
      if (stored !== checksum(header)) throw new ValidationError(`bad header checksum at byte ${position}`);
      const name = header.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = parseInt(header.toString('ascii', 124, 136).replace(/[\0 ]/g, '') || '0', 8);
      const type = header.toString('ascii', 156, 157);
      const offset = position + BLOCK;
      if (offset + size > total) throw new ValidationError(`archive is truncated inside ${name}`);
      if (type === '0' || type === '\0') entries.push({ name, size, offset });
      position = offset + Math.ceil(size / BLOCK) * BLOCK;
    }
  } finally {
    closeSync(fd);
  }
}

/** Copies one entry's content out of the archive into `dest` (created, not overwritten). */
export function extractTarEntry(archive: string, entry: TarEntry, dest: string): void {
  const input = openSync(archive, 'r');
  const out = openSync(dest, 'wx', 0o600);
  const buffer = Buffer.alloc(CHUNK);
  try {
    let copied = 0;
    while (copied < entry.size) {
      const n = readSync(input, buffer, 0, Math.min(CHUNK, entry.size - copied), entry.offset + copied);
      writeSync(out, buffer, 0, n);
      copied += n;
    }
  } finally {
    closeSync(input);
    closeSync(out);
  }
}

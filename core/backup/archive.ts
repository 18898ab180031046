/**
 * The backup archive (docs/operations.md): an uncompressed POSIX tar holding
 *   hearth-backup.json  manifest: format, formatVersion, hearthVersion, createdAt, files [{name, size, sha256}]
 *   hearth.db           consistent SQLite snapshot
 *   hearth.yaml         the config file, when there is one
 * Plain tar so a person can inspect or unpack it with standard tools.
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../config/index.js';
import { ValidationError } from '../errors.js';
import { VERSION } from '../version.js';
import { integrityProblems, type Snapshot } from './snapshot.js';
import { extractTarEntry, listTar, writeTar } from './tar.js';

export const MANIFEST_NAME = 'hearth-backup.json';
export const DATABASE_NAME = 'hearth.db';
export const CONFIG_NAME = 'hearth.yaml';

const manifestSchema = z.object({
  format: z.literal('hearth-backup'),
  formatVersion: z.literal(1),
  hearthVersion: z.string(),
  createdAt: z.string(),
  files: z.array(z.object({ name: z.enum([DATABASE_NAME, CONFIG_NAME]), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export interface CreateBackupOptions {
  snapshot: Snapshot;
  /** The config file to include, if any. */
  configFile?: string;
  /** Archive path; written atomically (a partial file never has this name). */
  out: string;
}

export async function createBackup(options: CreateBackupOptions): Promise<BackupManifest> {
  const work = mkdtempSync(join(dirname(options.out), '.hearth-backup-'));
  try {
    const database = join(work, DATABASE_NAME);
    await options.snapshot(database);
    const sources = [{ name: DATABASE_NAME, file: database }];
    if (options.configFile) {
      copyFileSync(options.configFile, join(work, CONFIG_NAME));
      sources.push({ name: CONFIG_NAME, file: join(work, CONFIG_NAME) });
    }
    const manifest: BackupManifest = {
      format: 'hearth-backup',
      formatVersion: 1,
      hearthVersion: VERSION,
      createdAt: new Date().toISOString(),
      files: sources.map((s) => ({ name: s.name as BackupManifest['files'][number]['name'], size: statSync(s.file).size, sha256: sha256File(s.file) })),
    };
    writeFileSync(join(work, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = join(work, 'archive.tar');
    writeTar(partial, [{ name: MANIFEST_NAME, file: join(work, MANIFEST_NAME) }, ...sources.map((s) => ({ ...s, mode: 0o600 }))]);
    renameSync(partial, options.out);
    return manifest;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface VerifiedBackup {
  manifest: BackupManifest;
  /** Extracted, checked files inside `into`. */
  database: string;
  config?: string;
}

/**
 * Unpacks an archive into `into` and checks everything a restore relies on: the
 * manifest, every checksum, SQLite's integrity check and the config's schema.
 * Throws ValidationError naming the first problem.
 */
export function verifyBackup(archive: string, into: string): VerifiedBackup {
  if (!existsSync(archive)) throw new ValidationError(`backup ${archive} does not exist`);
  const entries = new Map(listTar(archive).map((e) => [e.name, e]));
  const manifestEntry = entries.get(MANIFEST_NAME);
  if (!manifestEntry) throw new ValidationError(`${basename(archive)} is not a Hearth backup (no ${MANIFEST_NAME})`);
  extractTarEntry(archive, manifestEntry, join(into, MANIFEST_NAME));
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(readFileSync(join(into, MANIFEST_NAME), 'utf8')));
  } catch (err) {
    throw new ValidationError(`${MANIFEST_NAME} is invalid: ${(err as Error).message}`);
  }
  for (const file of manifest.files) {
    const entry = entries.get(file.name);
    if (!entry) throw new ValidationError(`the archive lacks ${file.name}, which its manifest lists`);
    const dest = join(into, file.name);
    extractTarEntry(archive, entry, dest);
    if (entry.size !== file.size || sha256File(dest) !== file.sha256) throw new ValidationError(`${file.name} is damaged (checksum mismatch)`);
  }
  const database = join(into, DATABASE_NAME);
  if (!manifest.files.some((f) => f.name === DATABASE_NAME)) throw new ValidationError(`the archive has no ${DATABASE_NAME}`);
  const problems = integrityProblems(database);
  if (problems.length) throw new ValidationError(`${DATABASE_NAME} fails the integrity check: ${problems.slice(0, 5).join('; ')}`);
  const config = manifest.files.some((f) => f.name === CONFIG_NAME) ? join(into, CONFIG_NAME) : undefined;
  if (config) {
    try {
      loadConfig(config);
    } catch (err) {
      if (err instanceof ConfigError) throw new ValidationError(`the archived config is invalid:\n${err.message}`);
      throw err;
    }
  }
  return { manifest, database, ...(config && { config }) };
}

function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 20);
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

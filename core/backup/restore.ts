import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { verifyBackup, type BackupManifest } from './archive.js';

export interface RestoreOptions {
  archive: string;
  /** Where the hub's database lives. */
  dbPath: string;
  /** Where the config goes; when absent the archived config is not restored. */
  configFile?: string;
  /** Suffix for the kept previous files; default a timestamp. */
  stamp?: string;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Previous files, renamed aside rather than deleted. */
  kept: string[];
  restored: string[];
}

/**
 * Verifies the whole archive first (nothing is touched if any check fails), then
 * moves the current files aside as `<file>.before-restore-<stamp>` and puts the
 * archived ones in place. The database's -wal and -shm go aside with it: a stale
 * WAL replayed onto the restored file would corrupt it. Run with the hub stopped.
 */
export function restoreBackup(options: RestoreOptions): RestoreResult {
  const stamp = options.stamp ?? new Date().toISOString().replace(/[:.]/g, '-');
  mkdirSync(dirname(options.dbPath), { recursive: true });
  // Extract beside the target so the final moves are same-filesystem renames.
  const work = mkdtempSync(join(dirname(options.dbPath), '.hearth-restore-'));
  try {
    const verified = verifyBackup(options.archive, work);
    const config = verified.config && options.configFile;
    const kept: string[] = [];
    const aside = (file: string) => {
      if (!existsSync(file)) return;
      renameSync(file, `${file}.before-restore-${stamp}`);
      kept.push(`${file}.before-restore-${stamp}`);
    };
    for (const suffix of ['', '-wal', '-shm']) aside(options.dbPath + suffix);
    renameSync(verified.database, options.dbPath);
    if (config) {
      aside(config);
      // The config usually lives on another filesystem (/etc), so copy rather than rename.
      copyFileSync(verified.config!, config);
    }
    return { manifest: verified.manifest, kept, restored: config ? [options.dbPath, config] : [options.dbPath] };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

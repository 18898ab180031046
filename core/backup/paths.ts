export { databasePath } from '../db/path.js';
import { join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/index.js';

/** Where daily backups go unless `backup.dir` says otherwise. */
export function backupDir(loaded: LoadedConfig, dataDir: string): string {
  const configured = loaded.config.backup?.dir;
  return configured ? resolve(loaded.dir, configured) : join(resolve(dataDir), 'backups');
}

/** `hearth-<ISO time without colons>.tar`, which sorts by time. */
export function backupFileName(at: Date): string {
  return `hearth-${at.toISOString().replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z')}.tar`;
}

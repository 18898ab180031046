import { Cron } from 'croner';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Service } from '../service.js';
import { createBackup } from './archive.js';
import { backupFileName } from './paths.js';
import type { Snapshot } from './snapshot.js';
import { foreignZone } from '../local-zone.js';

const BACKUP_FILE = /^hearth-\d{8}T\d{6}Z\.tar$/;

/** The archives to delete so that the newest `keep` remain (names sort by time). */
export function backupsToRotate(names: readonly string[], keep: number): string[] {
  const backups = names.filter((n) => BACKUP_FILE.test(n)).sort();
  return backups.slice(0, Math.max(0, backups.length - keep));
}

export interface DailyBackupOptions {
  snapshot: Snapshot;
  configFile?: string;
  dir: string;
  /** HH:MM local time. */
  at: string;
  keep: number;
  log: Logger;
  timezone?: string;
}

/** Writes one archive now into `dir` and rotates; returns its path. */
export async function backupAndRotate(options: Omit<DailyBackupOptions, 'at' | 'log' | 'timezone'>): Promise<string> {
  mkdirSync(options.dir, { recursive: true });
  const out = join(options.dir, backupFileName(new Date()));
  await createBackup({ snapshot: options.snapshot, out, ...(options.configFile && { configFile: options.configFile }) });
  for (const old of backupsToRotate(readdirSync(options.dir), options.keep)) rmSync(join(options.dir, old), { force: true });
  return out;
}

/** A Service that takes a backup every day at `at` and keeps the newest `keep`. */
export function createDailyBackups(options: DailyBackupOptions): Service {
  let job: Cron | undefined;
  return {
    name: 'daily-backups',
    async start() {
      const [hour, minute] = options.at.split(':');
      job = new Cron(`${Number(minute)} ${Number(hour)} * * *`, { protect: true, timezone: foreignZone(options.timezone) }, async () => {
        try {
          const out = await backupAndRotate(options);
          options.log.info({ out }, 'daily backup written');
        } catch (err) {
          options.log.error({ err }, 'daily backup failed');
        }
      });
    },
    async stop() {
      job?.stop();
    },
  };
}

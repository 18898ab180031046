/** `hearth backup [--out F]` and `hearth restore F`, dispatched from core/cli.ts. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, defaultDataDir, loadConfig, type LoadedConfig } from '../config/index.js';
import { errorMessage, HearthError } from '../errors.js';
import { createBackup } from './archive.js';
import { backupFileName, databasePath } from './paths.js';
import { restoreBackup } from './restore.js';
import { fileSnapshot } from './snapshot.js';

export const BACKUP_HELP = `Usage:
  hearth backup [--config FILE] [--data DIR] [--out FILE]
      A consistent snapshot of the database plus the config, while the hub runs.
      Default output: ./hearth-<time>.tar
  hearth restore FILE [--config FILE] [--data DIR] [--skip-config]
      Checks the archive completely, then replaces the database (and the config,
      unless --skip-config); the previous files are kept as *.before-restore-<time>.
      Stop the hub first (sudo systemctl stop hearth).`;

const EXIT_USAGE = 2;

export async function runBackupCli(command: 'backup' | 'restore', argv: string[], defaultConfigPath: () => string): Promise<number> {
  let values: { config?: string; data?: string; out?: string; 'skip-config'?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        data: { type: 'string', short: 'd' },
        out: { type: 'string', short: 'o' },
        'skip-config': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return fail(errorMessage(err), EXIT_USAGE);
  }
  if (values.help) return print(BACKUP_HELP);
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig(values.config ?? defaultConfigPath());
  } catch (err) {
    if (err instanceof ConfigError) return fail(`cannot read the configuration:\n${err.message}`, EXIT_USAGE);
    throw err;
  }
  const dbPath = databasePath(loaded, values.data ?? defaultDataDir());
  try {
    if (command === 'backup') {
      if (positionals.length) return fail(`unexpected argument '${positionals[0]}'`, EXIT_USAGE);
      const out = resolve(values.out ?? backupFileName(new Date()));
      const manifest = await createBackup({ snapshot: fileSnapshot(dbPath), configFile: loaded.file, out });
      return print(`backup written to ${out} (${manifest.files.map((f) => `${f.name} ${f.size} bytes`).join(', ')})`);
    }
    if (positionals.length !== 1) return fail('restore needs exactly one archive: hearth restore FILE', EXIT_USAGE);
    const result = restoreBackup({ archive: resolve(positionals[0]!), dbPath, ...(!values['skip-config'] && { configFile: loaded.file }) });
    const lines = [`restored backup of ${result.manifest.createdAt} (Hearth ${result.manifest.hearthVersion}):`, ...result.restored.map((f) => `  ${f}`)];
    if (result.kept.length) lines.push('previous files kept:', ...result.kept.map((f) => `  ${f}`));
    return print(lines.join('\n'));
  } catch (err) {
    // A bad archive or a missing database is the user's to fix: say why, no stack.
    if (err instanceof HearthError || (err as NodeJS.ErrnoException).code) return fail(errorMessage(err), 1);
    throw err;
  }
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

function fail(message: string, code: number): number {
  process.stderr.write(`hearth: ${message}\n`);
  return code;
}

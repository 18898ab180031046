import { join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/index.js';

/** `storage.path` relative to the config file, else `<data dir>/hearth.db` (the hub and the CLI must agree). */
export function databasePath(loaded: LoadedConfig, dataDir: string): string {
  const configured = loaded.config.storage.path;
  return configured ? resolve(loaded.dir, configured) : join(resolve(dataDir), 'hearth.db');
}

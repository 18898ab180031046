import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../version.js';

/** `--config` wins; else $HEARTH_CONFIG, ./hearth.yaml, then the simulated demo house. */
export function defaultConfigPath(): string {
  if (process.env.HEARTH_CONFIG) return process.env.HEARTH_CONFIG;
  if (existsSync('hearth.yaml')) return 'hearth.yaml';
  return join(PACKAGE_ROOT, 'examples', 'demo-house.yaml');
}

/** `--data` wins; else $HEARTH_DATA, then ./data. */
export function defaultDataDir(): string {
  return process.env.HEARTH_DATA ?? 'data';
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { ConfigError } from '../errors.js';

/** `floorplans.seed`: a YAML list of plans, relative to the config file. */
export function readSeed(configDir: string, seed: string): unknown[] {
  const file = resolve(configDir, seed);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError([{ file, path: 'floorplans.seed', message: `cannot read: ${(err as Error).message}` }]);
  }
  const plans: unknown = parse(text);
  if (!Array.isArray(plans)) throw new ConfigError([{ file, path: '', message: 'expected a list of floor plans' }]);
  return plans;
}

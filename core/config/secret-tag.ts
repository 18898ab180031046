import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, type ScalarTag } from 'yaml';

export const SECRETS_FILE = 'secrets.yaml';

/**
 * `password: !secret smtp_password` takes the value from `secrets.yaml` beside the config,
 * so the config can be shared or committed without its secrets. The file is read once, on
 * the first tag; a missing file or key is an error at the tag's line.
 */
export function secretTag(configFile: string): ScalarTag {
  const file = join(dirname(configFile), SECRETS_FILE);
  let secrets: Record<string, unknown> | Error | undefined;
  const load = (): Record<string, unknown> | Error => {
    try {
      const parsed: unknown = parse(readFileSync(file, 'utf8'));
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : new Error(`${file} must be a mapping of key: value`);
    } catch (err) {
      return new Error((err as NodeJS.ErrnoException).code === 'ENOENT' ? `!secret needs ${file}, which does not exist` : `cannot read ${file}: ${(err as Error).message.split('\n')[0]}`);
    }
  };
  return {
    tag: '!secret',
    identify: () => false,
    resolve(key, onError) {
      secrets ??= load();
      if (secrets instanceof Error) return onError(secrets.message);
      const value = Object.hasOwn(secrets, key) ? secrets[key] : undefined;
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      onError(value === undefined ? `no '${key}' in ${file}` : `'${key}' in ${file} must be a string`);
    },
  };
}

/** `!secret key` read as `key` itself, for editing the config without reading (or writing) any secret. */
export const keptSecretTag: ScalarTag = { tag: '!secret', identify: () => false, resolve: (key) => key };

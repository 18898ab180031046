import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PluginStorage } from '../plugin-api.js';

export type PersistentStorage = PluginStorage;

const WRITE_DELAY_MS = 1000;

/**
 * A JSON file per plugin instance. Writes are coalesced (an SD card should not see
 * a write per shutter tick) and atomic (temp file + rename), so a crash leaves the
 * previous version, never a torn file.
 */
export function createPluginStorage(dir: string, pluginId: string): PersistentStorage {
  const file = join(dir, `${pluginId}.json`);
  const data = readJson(file);
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(data, null, 2));
    renameSync(`${file}.tmp`, file);
  }

  return {
    get: <T>(key: string) => data[key] as T | undefined,
    set(key, value) {
      data[key] = value;
      timer ??= setTimeout(flush, WRITE_DELAY_MS).unref();
    },
    flush() {
      if (timer) flush();
    },
  };
}

/** Storage that forgets on stop: for a run whose plugin state must not outlive it. */
export function createMemoryStorage(): PersistentStorage {
  const data = new Map<string, unknown>();
  return {
    get: <T>(key: string) => data.get(key) as T | undefined,
    set: (key, value) => void data.set(key, value),
    flush() {},
  };
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

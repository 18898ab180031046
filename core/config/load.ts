import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { duplicateEntityIds } from './entity-ids.js';
import { ConfigError, formatPath, type ConfigIssue, type KeyPath } from './issues.js';
import { createLocator, type Locator } from './locate.js';
import { secretTag } from './secret-tag.js';
import { configSchema, type HearthConfig } from './schema.js';
import { describeZodIssues, type RawIssue } from './zod-issues.js';

export interface LoadedConfig {
  config: HearthConfig;
  /** Absolute path of the file. */
  file: string;
  /** Folder that relative paths in the config are resolved against. */
  dir: string;
  /** Locates a key path in the source, for errors found later (plugin configs, automations). */
  locate: Locator;
  /** Builds a located issue for a path in this file. */
  issue(path: KeyPath, message: string, key?: string): ConfigIssue;
}

export function loadConfig(file: string): LoadedConfig {
  const absolute = resolve(file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (err as Error).message;
    throw new ConfigError([{ file: absolute, path: '', message: `cannot read config: ${reason}` }]);
  }
  return parseConfig(text, absolute);
}

/** Parses and validates a whole config; every problem is reported at once, with file, line and key path. */
export function parseConfig(text: string, file: string): LoadedConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, customTags: [secretTag(file)] });
  if (doc.errors.length) {
    throw new ConfigError(
      doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        const message = e.code === 'TAG_RESOLVE_FAILED' ? e.message.split('\n')[0]! : `YAML syntax: ${e.message.split('\n')[0]}`;
        return { file, line, column: col, path: '', message };
      }),
    );
  }
  const locate = createLocator(doc, lines);
  const issue = (path: KeyPath, message: string, key?: string): ConfigIssue => {
    const pos = locate(key ? path.slice(0, -1) : path, key ? { key } : undefined);
    return { file, line: pos?.line, column: pos?.column, path: formatPath(path), message };
  };
  const raw = doc.toJS() ?? {};
  const toIssues = (list: RawIssue[]) => list.map((i) => issue(i.path, i.message, i.key));
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(toIssues(describeZodIssues(configSchema, parsed.error.issues, raw)));
  const duplicates = duplicateEntityIds(parsed.data.plugins);
  if (duplicates.length) throw new ConfigError(toIssues(duplicates));
  return { config: parsed.data, file, dir: dirname(file), locate, issue };
}

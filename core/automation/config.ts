import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError, createLocator, formatPath, type ConfigIssue, type KeyPath, type LoadedConfig } from '../config/index.js';
import type { AutomationDefinition } from './definition.js';
import { parseAutomation } from './parse.js';

export interface FileAutomation {
  definition: AutomationDefinition;
  /** As written, for the API to show. */
  input: unknown;
}

/**
 * The automations of `automations:` — a file relative to the config or the list
 * itself — validated at start and by `hearth check`. Every problem is reported at
 * once with file, line and path (`automations[2].triggers[0].below`).
 */
export function loadFileAutomations(loaded: LoadedConfig): FileAutomation[] {
  const source = loaded.config.automations;
  if (source === undefined) return [];
  if (Array.isArray(source)) return parseList(source, ['automations'], loaded.issue);

  const file = resolve(loaded.dir, source);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (err as Error).message;
    throw new ConfigError([loaded.issue(['automations'], `cannot read automations file ${file}: ${reason}`)]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    throw new ConfigError(doc.errors.map((e) => ({ file, line: e.linePos?.[0].line, column: e.linePos?.[0].col, path: '', message: `YAML syntax: ${e.message.split('\n')[0]}` })));
  }
  const locate = createLocator(doc, lines);
  const issue = (path: KeyPath, message: string): ConfigIssue => {
    const pos = locate(path.slice(1));
    return { file, line: pos?.line, column: pos?.column, path: formatPath(path), message };
  };
  const list: unknown = doc.toJS() ?? [];
  if (!Array.isArray(list)) throw new ConfigError([issue(['automations'], 'expected a list of automations')]);
  return parseList(list, ['automations'], issue);
}

function parseList(list: unknown[], prefix: KeyPath, issue: (path: KeyPath, message: string) => ConfigIssue): FileAutomation[] {
  const issues: ConfigIssue[] = [];
  const out: FileAutomation[] = [];
  const seen = new Map<string, number>();
  list.forEach((input, i) => {
    const result = parseAutomation(input);
    if (!result.ok) {
      issues.push(...result.issues.map((x) => issue([...prefix, i, ...x.path], x.message)));
      return;
    }
    const first = seen.get(result.definition.id);
    if (first !== undefined) issues.push(issue([...prefix, i, 'id'], `duplicate automation id '${result.definition.id}' (first at ${formatPath([...prefix, first])})`));
    else seen.set(result.definition.id, i);
    out.push({ definition: result.definition, input });
  });
  if (issues.length) throw new ConfigError(issues);
  return out;
}

/** A user mistake in a config file, located precisely enough to fix without a stack trace. */
export interface ConfigIssue {
  file: string;
  line?: number;
  column?: number;
  /** Key path, e.g. `plugins[1].entities[0].line`. */
  path: string;
  message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly ConfigIssue[]) {
    const sorted = [...issues].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
    super(sorted.map(formatIssue).join('\n'));
    this.issues = sorted;
  }
}

export function formatIssue({ file, line, column, path, message }: ConfigIssue): string {
  const where = line ? `${file}:${line}${column ? `:${column}` : ''}` : file;
  return path ? `${where}: ${path}: ${message}` : `${where}: ${message}`;
}

export type KeyPath = readonly (string | number)[];

export function formatPath(path: KeyPath): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}

export { ConfigError, formatIssue, type ConfigIssue } from '../errors.js';

export type KeyPath = readonly (string | number)[];

export function formatPath(path: KeyPath): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}

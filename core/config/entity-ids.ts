import { ENTITY_ID_PATTERN } from '../kernel/domains.js';
import { formatPath, type KeyPath } from './issues.js';
import type { RawIssue } from './zod-issues.js';

/**
 * Entity ids declared twice anywhere under `plugins:`. Plugins own their config
 * shape, but every one names entities with an `id:` key, so a walk finds them all
 * before any plugin runs.
 */
export function duplicateEntityIds(plugins: unknown): RawIssue[] {
  const seen = new Map<string, KeyPath>();
  const issues: RawIssue[] = [];
  walk(plugins, ['plugins'], (id, path) => {
    const first = seen.get(id);
    if (first) issues.push({ path, message: `duplicate entity id '${id}' (first declared at ${formatPath(first)})` });
    else seen.set(id, path);
  });
  return issues;
}

function walk(value: unknown, path: KeyPath, found: (id: string, path: KeyPath) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, [...path, i], found));
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'id' && typeof child === 'string' && ENTITY_ID_PATTERN.test(child)) found(child, [...path, key]);
      else walk(child, [...path, key], found);
    }
  }
}

import type { ConfigIssueBody } from '../api/types.js';

/** How a refused config edit is shown: a reload prompt (409), a read-only page (423), messages by field (400). */
export type EditRefusal =
  | { kind: 'stale' }
  | { kind: 'read-only' }
  | { kind: 'invalid'; message: string; issues: ConfigIssueBody[] }
  | { kind: 'other'; message: string };

interface ErrorLike { status?: unknown; message?: unknown; issues?: unknown }

export function refusalOf(err: unknown): EditRefusal {
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (e.status === 409) return { kind: 'stale' };
  if (e.status === 423) return { kind: 'read-only' };
  if (e.status === 400 && Array.isArray(e.issues)) return { kind: 'invalid', message, issues: e.issues as ConfigIssueBody[] };
  return { kind: 'other', message };
}

/**
 * The issues of one plugin entry with their path inside that entry (`entities[0].line`), so the form beside the entry
 * names its own keys; an entry added last is at `index` = the number of entries before the add.
 */
export function entryIssues(issues: readonly ConfigIssueBody[], index: number): ConfigIssueBody[] {
  const prefix = `plugins[${index}]`;
  return issues
    .filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`) || i.path.startsWith(`${prefix}[`))
    .map((i) => ({ ...i, path: i.path.slice(prefix.length).replace(/^\./, '') || '(entry)' }));
}

/** The entry a person typed: a YAML-less JSON object of the plugin's own keys, with `use` (and `id`) set from the form. */
export function parseEntry(use: string, id: string, keysJson: string): Record<string, unknown> & { use: string } {
  const text = keysJson.trim();
  const parsed: unknown = text ? JSON.parse(text) : {};
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SyntaxError('the options must be a JSON object');
  const { use: _use, id: _id, ...rest } = parsed as Record<string, unknown>;
  return { use, ...(id.trim() && { id: id.trim() }), ...rest };
}

/** An entry's own keys (without use and id), as the editor shows them. */
export function entryKeys(entry: Record<string, unknown>): string {
  const { use: _use, id: _id, ...rest } = entry;
  return JSON.stringify(rest, null, 2);
}

/** The list with the item at `from` moved one step (`-1` up, `1` down); unchanged at the ends. */
export function moveItem<T>(list: readonly T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

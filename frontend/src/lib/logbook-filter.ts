/**
 * The Logbook view's filters, kept in the URL like the History view's selection
 * (`/logbook?area=garden&kind=command&range=7d`), turned into GET /api/logbook's query,
 * and applied to live entries so the stream shows only what the page was asked for.
 */
import type { EntityState, LogbookEntry } from '../api/types.js';
import { DEFAULT_RANGE, readableQuery, readRange, resolveWindow, writeRange, type TimeRange } from './history-selection.js';

export const KINDS = ['state', 'command', 'audit'] as const;
export type LogbookKind = (typeof KINDS)[number];

export interface LogbookFilter {
  entity?: string;
  area?: string;
  kind?: LogbookKind;
  /** A username (or user id). */
  user?: string;
  /** An automation id. */
  automation?: string;
  range: TimeRange;
}

const TEXT_KEYS = ['entity', 'area', 'user', 'automation'] as const;

export function parseLogbookFilter(search: string): LogbookFilter {
  const q = new URLSearchParams(search);
  const filter: LogbookFilter = { range: readRange(q) };
  for (const key of TEXT_KEYS) {
    const value = q.get(key)?.trim();
    if (value) filter[key] = value;
  }
  const kind = KINDS.find((k) => k === q.get('kind'));
  if (kind) filter.kind = kind;
  return filter;
}

export function logbookFilterQuery(filter: LogbookFilter): string {
  const q = new URLSearchParams();
  for (const key of TEXT_KEYS) if (filter[key]) q.set(key, filter[key]);
  if (filter.kind) q.set('kind', filter.kind);
  if (!('preset' in filter.range) || filter.range.preset !== DEFAULT_RANGE.preset) writeRange(q, filter.range);
  return readableQuery(q);
}

export type LogbookApiQuery = Partial<Record<'entity' | 'area' | 'kind' | 'user' | 'automation', string>> & { start: string; end: string };

/** GET /api/logbook's parameters for a filter at `now`. */
export function logbookApiQuery(filter: LogbookFilter, now: number): LogbookApiQuery {
  const w = resolveWindow(filter.range, now);
  const { range: _range, ...rest } = filter;
  return { ...rest, start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString() };
}

/**
 * Whether a live entry belongs on the filtered page: a preset range runs on with the clock, a
 * custom one ends where it says. `entities` gives areas, as the API resolves them on its side.
 */
export function matchesFilter(e: LogbookEntry, filter: LogbookFilter, entities: ReadonlyMap<string, EntityState>): boolean {
  if (!('preset' in filter.range) && (e.ms < filter.range.start || e.ms > filter.range.end)) return false;
  if (filter.entity && e.entityId !== filter.entity) return false;
  if (filter.area && (e.entityId === null || entities.get(e.entityId)?.area !== filter.area)) return false;
  if (filter.kind && e.kind !== filter.kind) return false;
  if (filter.user && e.userName?.toLowerCase() !== filter.user.toLowerCase() && e.context?.userId !== filter.user) return false;
  return !filter.automation || e.context?.automationId === filter.automation;
}

/** Whether any filter beyond the default range is set. */
export function isFiltered(filter: LogbookFilter): boolean {
  return logbookFilterQuery(filter) !== '';
}

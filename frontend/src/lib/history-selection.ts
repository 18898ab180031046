/**
 * The History view's selection — entities, time range, comparison — and its URL form, so a
 * view can be bookmarked and shared: `/history?e=sensor.a,sensor.b&range=7d`, or
 * `start=…&end=…` (ISO) for a custom range, plus `compare=1` for the previous-period overlay.
 */
import type { StatisticsPeriod } from '../api/types.js';
import { msg } from './i18n.js';

export const PRESETS = ['1h', '24h', '7d', '30d', '1y'] as const;
export type Preset = (typeof PRESETS)[number];

/** A preset as a button shows it: "24h" (French "24 h", "7 j"). */
export function presetLabel(preset: Preset): string {
  switch (preset) {
    case '1h': return msg('1h', { id: 'range.1h' });
    case '24h': return msg('24h', { id: 'range.24h' });
    case '7d': return msg('7d', { id: 'range.7d' });
    case '30d': return msg('30d', { id: 'range.30d' });
    case '1y': return msg('1y', { id: 'range.1y' });
  }
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const PRESET_MS: Readonly<Record<Preset, number>> = { '1h': HOUR_MS, '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS, '1y': 365 * DAY_MS };

export type TimeRange = { preset: Preset } | { start: number; end: number };

export interface HistorySelection {
  entities: string[];
  range: TimeRange;
  compare: boolean;
}

export interface TimeWindow {
  start: number;
  end: number;
}

export const DEFAULT_RANGE = { preset: '24h' } as const satisfies TimeRange;
const ENTITY_ID = /^[a-z_]+\.[a-z0-9_]+$/;

/** Reads a selection from `location.search`; what does not parse falls back to the default, never throws. */
export function parseSelection(search: string): HistorySelection {
  const q = new URLSearchParams(search);
  const entities = [...new Set((q.get('e') ?? '').split(',').filter((id) => ENTITY_ID.test(id)))];
  return { entities, range: readRange(q), compare: q.get('compare') === '1' };
}

/** `range=<preset>`, or `start`/`end` (ISO or epoch ms) for a custom range; anything else is the default. */
export function readRange(q: URLSearchParams): TimeRange {
  const preset = PRESETS.find((p) => p === q.get('range'));
  if (preset) return { preset };
  const start = parseTime(q.get('start'));
  const end = parseTime(q.get('end'));
  return start !== undefined && end !== undefined && start < end ? { start, end } : DEFAULT_RANGE;
}

function parseTime(text: string | null): number | undefined {
  if (!text) return undefined;
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The query string (with its `?`, or empty) that `parseSelection` reads back as the same selection. */
export function selectionQuery(selection: HistorySelection): string {
  const q = new URLSearchParams();
  if (selection.entities.length) q.set('e', selection.entities.join(','));
  writeRange(q, selection.range);
  if (selection.compare) q.set('compare', '1');
  return readableQuery(q);
}

export function writeRange(q: URLSearchParams, range: TimeRange): void {
  if ('preset' in range) q.set('range', range.preset);
  else {
    q.set('start', new Date(range.start).toISOString());
    q.set('end', new Date(range.end).toISOString());
  }
}

/** With its `?`, or empty. Commas and colons are legal in a query: keeping them readable makes a link shareable by eye. */
export function readableQuery(q: URLSearchParams): string {
  const text = q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return text ? `?${text}` : '';
}

/** The window a range covers at `now`: a preset ends now, a custom range is what it says. */
export function resolveWindow(range: TimeRange, now: number): TimeWindow {
  return 'preset' in range ? { start: now - PRESET_MS[range.preset], end: now } : { start: range.start, end: range.end };
}

/** The window just before, of the same length: what "compare with the previous period" overlays. */
export function previousWindow(w: TimeWindow): TimeWindow {
  const span = w.end - w.start;
  return { start: w.start - span, end: w.start };
}

/**
 * Where a numeric series is read from. Up to two days, GET /api/history (min/max buckets of raw
 * rows); longer spans read the rolled-up statistics, whose min and max draw the band — hourly up
 * to 90 days (≤ 2,160 rows), daily beyond.
 */
export type NumericSource = { kind: 'history'; points: number } | { kind: 'statistics'; period: StatisticsPeriod };

export function numericSource(w: TimeWindow): NumericSource {
  const span = w.end - w.start;
  if (span <= 2 * DAY_MS) return { kind: 'history', points: 500 };
  return { kind: 'statistics', period: span <= 90 * DAY_MS ? '1h' : '1d' };
}

/** A time as an `<input type="datetime-local">` value, in the browser's zone (which is how the input reads it back). */
export function localInputValue(ms: number): string {
  const offset = new Date(ms).getTimezoneOffset() * 60_000;
  return new Date(ms - offset).toISOString().slice(0, 16);
}

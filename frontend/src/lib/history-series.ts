/**
 * The History view's data, apart from drawing: API answers turned into series, numeric series
 * grouped by unit and aligned on one time axis (what uPlot draws), and the CSV of what is shown.
 */
import type { EntityState, HistoryPoint, StatisticsRow } from '../api/types.js';
import { stringAttr } from './format.js';
import type { TimeWindow } from './history-selection.js';

/** One reading; `min`/`max` are present when it stands for a downsampled bucket (statistics). */
export interface Sample {
  ms: number;
  value: number | string | null;
  min?: number;
  max?: number;
}

export type Period = 'current' | 'previous';

export interface Series {
  entityId: string;
  period: Period;
  samples: Sample[];
}

export function fromPoints(entityId: string, period: Period, points: readonly HistoryPoint[]): Series {
  return { entityId, period, samples: points.map(([ms, value]) => ({ ms, value })) };
}

/** A statistics bucket becomes its mean, with its min and max for the band. */
export function fromStatistics(entityId: string, period: Period, rows: readonly StatisticsRow[]): Series {
  return { entityId, period, samples: rows.map((r) => ({ ms: Date.parse(r.start), value: r.mean, min: r.min, max: r.max })) };
}

/** Numbers are charted; on/off and enum states become timelines. */
export function isNumeric(entity: EntityState): boolean {
  if (entity.domain === 'climate') return true;
  if (typeof entity.state === 'number') return true;
  return entity.state === null && entity.domain === 'sensor' && stringAttr(entity.attributes.unit) !== undefined;
}

/** The unit a numeric entity's chart is labelled with; a thermostat charts its current temperature. */
export function unitOf(entity: EntityState): string {
  return stringAttr(entity.attributes.unit) ?? (entity.domain === 'climate' ? '°C' : '');
}

/** Numeric entities by unit, in the order they were picked: one chart per unit. */
export function groupByUnit(entities: readonly EntityState[]): { unit: string; ids: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const e of entities) groups.set(unitOf(e), [...(groups.get(unitOf(e)) ?? []), e.id]);
  return [...groups].map(([unit, ids]) => ({ unit, ids }));
}

/** One column per input, aligned on the sorted union of their times (seconds, as uPlot wants); gaps are null. */
export type Aligned = [xs: number[], ...columns: (number | null)[][]];

export function alignColumns(columns: readonly { ms: readonly number[]; values: readonly (number | null)[] }[]): Aligned {
  const times = [...new Set(columns.flatMap((c) => c.ms))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const out = columns.map((c) => {
    const column: (number | null)[] = new Array<number | null>(times.length).fill(null);
    c.ms.forEach((t, i) => (column[index.get(t)!] = c.values[i] ?? null));
    return column;
  });
  return [times.map((t) => t / 1000), ...out];
}

/** What one chart draws for each series: its line, and its band when the series is downsampled. */
export interface ChartColumn {
  entityId: string;
  period: Period;
  role: 'value' | 'min' | 'max';
}

/**
 * A chart's series aligned on one axis. A previous-period series is shifted forward by `shiftMs`
 * so it lies over the current one; bands only for the current period (an overlay of two bands is unreadable).
 */
export function chartData(series: readonly Series[], shiftMs: number): { columns: ChartColumn[]; data: Aligned } {
  const columns: ChartColumn[] = [];
  const inputs: { ms: number[]; values: (number | null)[] }[] = [];
  for (const s of series) {
    const ms = shifted(s, shiftMs).map((p) => p.ms);
    const num = (v: unknown) => (typeof v === 'number' ? v : null);
    columns.push({ entityId: s.entityId, period: s.period, role: 'value' });
    inputs.push({ ms, values: s.samples.map((p) => num(p.value)) });
    if (s.period === 'current' && s.samples.some((p) => p.min !== undefined)) {
      columns.push({ entityId: s.entityId, period: s.period, role: 'min' }, { entityId: s.entityId, period: s.period, role: 'max' });
      inputs.push({ ms, values: s.samples.map((p) => num(p.min)) }, { ms, values: s.samples.map((p) => num(p.max)) });
    }
  }
  return { columns, data: alignColumns(inputs) };
}

const CSV_HEADER = ['entity_id', 'period', 'time', 'value', 'min', 'max'];

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A previous period's samples moved forward by `shiftMs`, to lie over the current period. */
export function shifted(series: Series, shiftMs: number): Sample[] {
  const by = series.period === 'previous' ? shiftMs : 0;
  return by ? series.samples.map((p) => ({ ...p, ms: p.ms + by })) : series.samples;
}

/**
 * Every sample inside the window shown (the zoomed span, else the loaded range), one row each;
 * a previous period's samples are those drawn over that window once shifted by `shiftMs`, and
 * keep the time they were recorded at (ISO UTC).
 */
export function buildCsv(series: readonly Series[], shown: TimeWindow, shiftMs: number): string {
  const rows = series.flatMap((s) => {
    const by = s.period === 'previous' ? shiftMs : 0;
    return s.samples
      .filter((p) => p.ms + by >= shown.start && p.ms + by <= shown.end)
      .map((p) => [s.entityId, s.period, new Date(p.ms).toISOString(), p.value, p.min, p.max]);
  });
  return [CSV_HEADER, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

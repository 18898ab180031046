/** Pure helpers of the Energy view: which span a scale shows, bar series by tariff period, money and comparisons. */
import type { EnergyPeriod, EnergyRow, MeterKind } from '../api/energy.js';
import { currentLocale, msg } from './i18n.js';

/** What the bars show: a day by hour, a month by day, a year by month. */
export type EnergyScale = 'day' | 'month' | 'year';
export const SCALES: readonly EnergyScale[] = ['day', 'month', 'year'];
export const SCALE_PERIOD: Record<EnergyScale, EnergyPeriod> = { day: 'hour', month: 'day', year: 'month' };

/** The local span of `scale` containing `at`, moved `offset` spans (−1: the one before). */
export function scaleSpan(scale: EnergyScale, at: Date, offset = 0): { start: Date; end: Date } {
  const y = at.getFullYear();
  const m = at.getMonth();
  const d = at.getDate();
  if (scale === 'day') return { start: new Date(y, m, d + offset), end: new Date(y, m, d + offset + 1) };
  if (scale === 'month') return { start: new Date(y, m + offset, 1), end: new Date(y, m + offset + 1, 1) };
  return { start: new Date(y + offset, 0, 1), end: new Date(y + offset + 1, 0, 1) };
}

/** Bar colours per tariff period: off-peak lighter than peak, Tempo days in their colours. */
export const PERIOD_COLOURS: Record<string, string> = {
  base: '#2f7dd1',
  hc: '#5aa9e6',
  hp: '#e8831a',
  blue_hc: '#7fb3ea',
  blue_hp: '#1f5fae',
  white_hc: '#d5d9de',
  white_hp: '#8d96a0',
  red_hc: '#f0a29a',
  red_hp: '#c0291d',
};

const PERIOD_ORDER = Object.keys(PERIOD_COLOURS);

/** A tariff period's name in the shown language. */
export function periodLabel(period: string): string {
  const labels: Record<string, string> = {
    base: msg('Base', { id: 'energy.period.base' }),
    hc: msg('Off-peak', { id: 'energy.period.hc' }),
    hp: msg('Peak', { id: 'energy.period.hp' }),
    blue_hc: msg('Blue off-peak', { id: 'energy.period.blue-hc' }),
    blue_hp: msg('Blue peak', { id: 'energy.period.blue-hp' }),
    white_hc: msg('White off-peak', { id: 'energy.period.white-hc' }),
    white_hp: msg('White peak', { id: 'energy.period.white-hp' }),
    red_hc: msg('Red off-peak', { id: 'energy.period.red-hc' }),
    red_hp: msg('Red peak', { id: 'energy.period.red-hp' }),
  };
  return labels[period] ?? period;
}

/** An electricity option's name in the shown language. */
export function tariffLabel(tariff: string): string {
  const labels: Record<string, string> = {
    base: msg('Base', { id: 'energy.period.base' }),
    hchp: msg('Off-peak / peak (HC/HP)', { id: 'energy.tariff.hchp' }),
    tempo: msg('Tempo', { id: 'energy.tariff.tempo' }),
  };
  return labels[tariff] ?? tariff;
}

/** Electricity of the billed meters per row and tariff period. */
export function electricityByPeriod(rows: readonly EnergyRow[], billed: ReadonlySet<string>): { periods: string[]; values: Record<string, number>[] } {
  const values = rows.map((r) => {
    const out: Record<string, number> = {};
    for (const [id, use] of Object.entries(r.meters)) {
      if (use.kind !== 'electricity' || !billed.has(id)) continue;
      for (const [p, v] of Object.entries(use.byPeriod)) out[p] = (out[p] ?? 0) + v;
    }
    return out;
  });
  const seen = new Set(values.flatMap((v) => Object.keys(v)));
  const periods = [...PERIOD_ORDER.filter((p) => seen.has(p)), ...[...seen].filter((p) => !PERIOD_ORDER.includes(p))];
  return { periods, values };
}

/**
 * uPlot data for bars stacked by period: each series is the cumulative sum from its
 * period down, drawn tallest first so each band shows. Zero is null (uPlot draws a zero bar as a line).
 */
export function stackedBars(xs: readonly number[], periods: readonly string[], values: readonly Record<string, number>[]): (number | null)[][] {
  const series = periods.map((_, k) => values.map((v) => periods.slice(k).reduce((sum, p) => sum + (v[p] ?? 0), 0) || null));
  return [[...xs], ...series];
}

export function consumptionOf(rows: readonly EnergyRow[], kind: MeterKind, billed: ReadonlySet<string>): number {
  return rows.reduce((sum, r) => sum + Object.entries(r.meters).reduce((s, [id, use]) => s + (use.kind === kind && billed.has(id) ? use.change : 0), 0), 0);
}

export function formatMoney(value: number, currency: string, locale: string = currentLocale()): string {
  return value.toLocaleString(locale, { style: 'currency', currency, maximumFractionDigits: 2, minimumFractionDigits: 2 });
}

/** "+12 %" / "−5 %" against a reference, or undefined when there is nothing to compare with. */
export function changeRatio(now: number, before: number): string | undefined {
  if (!(before > 0)) return undefined;
  const pct = Math.round(((now - before) / before) * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)} %`;
}

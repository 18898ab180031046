/**
 * The energy report (GET /api/energy) and the tariff comparison, from hourly
 * consumption slots already fetched: pure arithmetic, timed by bench/energy.
 */
import { previousSpan, spansOf, yearEarlierSpan, type EnergyPeriod, type Span } from './buckets.js';
import { firstSlotFrom, type Slot } from './consumption.js';
import type { WallClock } from './local-clock.js';
import { totalAmount, totalCost, type PeriodTotals, type Tariff } from './tariff.js';

export type MeterKind = 'electricity' | 'water' | 'gas';
export const METER_KINDS: readonly MeterKind[] = ['electricity', 'water', 'gas'];

export interface MeterSeries {
  entityId: string;
  kind: MeterKind;
  /** Submeters are shown but their consumption is already in a billed meter's. */
  billed: boolean;
  /** Hourly consumption, sorted by start. */
  slots: readonly Slot[];
}

export interface MeterUse {
  kind: MeterKind;
  change: number;
  /** Consumption per tariff period (`hc`, `hp`, `blue_hc` …; `volume` for water and gas). */
  byPeriod: Record<string, number>;
}

export interface Summary extends Span {
  electricity: number;
  water: number;
  gas: number;
  cost: number;
}

export interface EnergyRow extends Span {
  /** The span is under way: `previous` and `yearAgo` cover only as much of theirs. */
  partial?: true;
  meters: Record<string, MeterUse>;
  cost: {
    total: number;
    subscription: number;
    electricity: number;
    water: number;
    gas: number;
    /** Electricity cost per tariff period. */
    byPeriod: Record<string, number>;
  };
  previous: Summary;
  yearAgo: Summary;
}

export interface ReportInput {
  period: EnergyPeriod;
  start: number;
  end: number;
  now: number;
  series: readonly MeterSeries[];
  /** The contract's electricity option, and water and gas prices, for what is configured. */
  tariffs: Partial<Record<MeterKind, Tariff>>;
  wall: WallClock;
  timezone?: string;
}

function totalsOver(slots: readonly Slot[], tariff: Tariff | undefined, span: Span, into: PeriodTotals = {}): PeriodTotals {
  for (let i = firstSlotFrom(slots, span.start); i < slots.length && slots[i]!.start < span.end; i++) {
    const s = slots[i]!;
    if (tariff) tariff.add(into, s.start, s.end, s.amount);
    else (into.total ??= { amount: 0, cost: 0 }).amount += s.amount;
  }
  return into;
}

/** A value per span [start, end), computed once. */
function spanMemo<T>(compute: (span: Span) => T): (span: Span) => T {
  const byStart = new Map<number, Map<number, T>>();
  return (span) => {
    let byEnd = byStart.get(span.start);
    if (!byEnd) byStart.set(span.start, (byEnd = new Map()));
    let value = byEnd.get(span.end);
    if (value === undefined) byEnd.set(span.end, (value = compute(span)));
    return value;
  };
}

/**
 * A series' totals over a span, for one report. A day is asked for up to four times
 * (its row, its billed cost, the next row's `previous`, a year on's `yearAgo`), so
 * each span is summed once. Without `into` the shared sum itself is returned, to
 * read only; a sum lands in a fresh `into` as a copy and in a started one slot by
 * slot, so every float is added in the same order as without the cache.
 */
interface SpanTotals {
  (m: MeterSeries, span: Span): Readonly<PeriodTotals>;
  (m: MeterSeries, span: Span, into: PeriodTotals): PeriodTotals;
}

function spanTotals(tariffs: ReportInput['tariffs']): SpanTotals {
  const sums = new Map<MeterSeries, (span: Span) => PeriodTotals>();
  const shared = (m: MeterSeries, span: Span): PeriodTotals => {
    let sum = sums.get(m);
    if (!sum) sums.set(m, (sum = spanMemo((s) => totalsOver(m.slots, tariffs[m.kind], s))));
    return sum(span);
  };
  return (m: MeterSeries, span: Span, into?: PeriodTotals) => {
    if (!into) return shared(m, span);
    if (Object.keys(into).length > 0) return totalsOver(m.slots, tariffs[m.kind], span, into);
    const sum = shared(m, span);
    for (const p in sum) into[p] = { amount: sum[p]!.amount, cost: sum[p]!.cost };
    return into;
  };
}

const recordedIn = (slots: readonly Slot[], span: Span) => (slots[firstSlotFrom(slots, span.start)]?.start ?? Infinity) < span.end;

/** Energy cost by kind, and the subscriptions of the kinds with anything recorded in the span (a year before the meter, nothing is owed). */
interface SpanCost {
  byKind: Record<MeterKind, PeriodTotals>;
  subscription: number;
}

function costOf(input: ReportInput, totalsOver: SpanTotals, span: Span): SpanCost {
  const byKind = { electricity: {}, water: {}, gas: {} } as Record<MeterKind, PeriodTotals>;
  const seen = new Set<MeterKind>();
  for (const m of input.series) {
    if (!m.billed) continue;
    totalsOver(m, span, byKind[m.kind]);
    if (recordedIn(m.slots, span)) seen.add(m.kind);
  }
  const subscription = [...seen].reduce((sum, kind) => sum + (input.tariffs[kind]?.subscription(span.start, span.end) ?? 0), 0);
  return { byKind, subscription };
}

function summary(span: Span, { byKind, subscription }: SpanCost): Summary {
  const cost = subscription + METER_KINDS.reduce((sum, k) => sum + totalCost(byKind[k]), 0);
  return { ...span, electricity: totalAmount(byKind.electricity), water: totalAmount(byKind.water), gas: totalAmount(byKind.gas), cost };
}

/** Clipped to the part of `span` already lived when `row` is under way. */
function likeForLike(span: Span, row: Span, now: number): Span {
  return now >= row.end ? span : { start: span.start, end: Math.min(span.end, span.start + Math.max(0, now - row.start)) };
}

export function energyRows(input: ReportInput): EnergyRow[] {
  const { period, wall, now } = input;
  const totalsOver = spanTotals(input.tariffs);
  // a row's cost is the next row's `previous`
  const costs = spanMemo((span) => costOf(input, totalsOver, span));
  const summarise = (span: Span) => summary(span, costs(span));
  return spansOf(period, input.start, input.end, wall).map((span) => {
    const meters: Record<string, MeterUse> = {};
    for (const m of input.series) {
      const totals = totalsOver(m, span);
      meters[m.entityId] = { kind: m.kind, change: totalAmount(totals), byPeriod: Object.fromEntries(Object.entries(totals).map(([p, t]) => [p, t.amount])) };
    }
    const { byKind, subscription } = costs(span);
    const kindCost = (k: MeterKind) => totalCost(byKind[k]);
    const cost = {
      total: subscription + kindCost('electricity') + kindCost('water') + kindCost('gas'),
      subscription,
      electricity: kindCost('electricity'),
      water: kindCost('water'),
      gas: kindCost('gas'),
      byPeriod: Object.fromEntries(Object.entries(byKind.electricity).map(([p, t]) => [p, t.cost])),
    };
    const previous = summarise(likeForLike(previousSpan(period, span, wall), span, now));
    const yearAgo = summarise(likeForLike(yearEarlierSpan(period, span, wall), span, now));
    return { ...span, ...(now < span.end && { partial: true as const }), meters, cost, previous, yearAgo };
  });
}

export interface TariffCost {
  tariff: Tariff['name'];
  energy: number;
  subscription: number;
  total: number;
  byPeriod: PeriodTotals;
}

/** What the billed electricity of [start, end) cost, or would have, under each option; cheapest first. */
export function compareTariffs(series: readonly MeterSeries[], options: readonly Tariff[], span: Span): TariffCost[] {
  const billed = series.filter((m) => m.billed && m.kind === 'electricity');
  return options
    .map((tariff) => {
      const byPeriod: PeriodTotals = {};
      for (const m of billed) totalsOver(m.slots, tariff, span, byPeriod);
      const energy = totalCost(byPeriod);
      const subscription = billed.some((m) => recordedIn(m.slots, span)) ? tariff.subscription(span.start, span.end) : 0;
      return { tariff: tariff.name, energy, subscription, total: energy + subscription, byPeriod };
    })
    .sort((a, b) => a.total - b.total);
}

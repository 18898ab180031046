import { describe, expect, it } from 'vitest';
import { energySchema, type ElectricityConfig } from '../../../core/config/index.js';
import { spansOf } from '../../../core/energy/buckets.js';
import { clockOffPeak, tempoColours, type Change } from '../../../core/energy/calendar.js';
import { wallClock } from '../../../core/energy/local-clock.js';
import { compareTariffs, energyRows, type MeterSeries } from '../../../core/energy/report.js';
import { electricityTariff, totalCost, type PeriodTotals } from '../../../core/energy/tariff.js';

const TZ = 'Europe/Paris';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const electricity = (e: unknown): ElectricityConfig => energySchema.parse({ electricity: e }).electricity!;
const config = electricity({
  meters: ['sensor.linky_imported'],
  base: { prices: [{ from: '2026-01-01', subscriptionPerMonth: 31, kWh: 0.2 }] },
  hchp: { offPeak: ['22:00-06:00'], prices: [{ from: '2026-01-01', subscriptionPerMonth: 31, hc: 0.1, hp: 0.3 }] },
  tempo: {
    colour: 'sensor.linky_tempo_today',
    prices: [{ from: '2026-01-01', subscriptionPerMonth: 31, blue: { hc: 0.1, hp: 0.15 }, white: { hc: 0.2, hp: 0.25 }, red: { hc: 0.3, hp: 0.7 } }],
  },
});

/** One kWh in every hour of [start, end). */
function steady(start: number, end: number, kWh = 1): MeterSeries {
  const slots = [];
  for (let t = start; t < end; t += HOUR) slots.push({ start: t, end: t + HOUR, amount: kWh });
  return { entityId: 'sensor.linky_imported', kind: 'electricity', billed: true, slots };
}

function priced(name: 'base' | 'hchp' | 'tempo', start: number, end: number, colours: Change[] = []) {
  const wall = wallClock(start - DAY, end + DAY, TZ);
  const tariff = electricityTariff(name, config, { wall, offPeak: { hchp: clockOffPeak(['22:00-06:00'], wall), tempo: clockOffPeak(['22:00-06:00'], wall) }, colour: tempoColours(colours, wall, end) });
  const totals: PeriodTotals = {};
  for (const s of steady(start, end).slots) tariff.add(totals, s.start, s.end, s.amount);
  return { tariff, totals, amounts: Object.fromEntries(Object.entries(totals).map(([p, t]) => [p, Number(t.amount.toFixed(6))])) };
}

describe('HC/HP', () => {
  it('counts an off-peak window over midnight on both sides of it', () => {
    // 12:00 on the 14th to 12:00 on the 15th, Paris (UTC+1 in January)
    const start = Date.parse('2026-01-14T11:00:00Z');
    const { totals, amounts } = priced('hchp', start, start + DAY);
    expect(amounts).toEqual({ hc: 8, hp: 16 });
    expect(totalCost(totals)).toBeCloseTo(8 * 0.1 + 16 * 0.3, 9);
  });

  it('splits an hour a half-hour window cuts', () => {
    const wall = wallClock(Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-01-03T00:00:00Z'), TZ);
    const share = clockOffPeak(['01:30-07:30'], wall);
    // 01:00–02:00 Paris is 00:00–01:00 UTC: half of it off-peak
    expect(share(Date.parse('2026-01-02T00:00:00Z'), Date.parse('2026-01-02T01:00:00Z'))).toBe(0.5);
    expect(share(Date.parse('2026-01-02T01:00:00Z'), Date.parse('2026-01-02T02:00:00Z'))).toBe(1);
    expect(share(Date.parse('2026-01-02T07:00:00Z'), Date.parse('2026-01-02T08:00:00Z'))).toBe(0);
  });

  it('follows the wall clock over the spring-forward and autumn days', () => {
    // 29 March 2026 has 23 hours in Paris, 25 October 25: off-peak 00–06 and 22–24 by the wall clock
    const spring = Date.parse('2026-03-28T23:00:00Z');
    expect(priced('hchp', spring, spring + 23 * HOUR).amounts).toEqual({ hc: 7, hp: 16 });
    const autumn = Date.parse('2026-10-24T22:00:00Z');
    expect(priced('hchp', autumn, autumn + 25 * HOUR).amounts).toEqual({ hc: 9, hp: 16 });
  });
});

describe('Tempo', () => {
  it('prices a day by its colour from 06:00 to 06:00, whatever the hour the entity changed', () => {
    // the 14th blue, the 15th red from 06:00, the 16th white from 06:00 (Paris = UTC+1)
    const colours: Change[] = [
      { ms: Date.parse('2026-01-13T05:00:03Z'), state: 'BLEU' },
      { ms: Date.parse('2026-01-15T05:00:03Z'), state: 'red' },
      { ms: Date.parse('2026-01-16T05:00:03Z'), state: 'white' },
    ];
    // 05:00 on the 15th (blue, off-peak) to 07:00 on the 16th (white, peak)
    const start = Date.parse('2026-01-15T04:00:00Z');
    const { amounts, totals } = priced('tempo', start, start + 26 * HOUR, colours);
    expect(amounts).toEqual({ blue_hc: 1, red_hp: 16, red_hc: 8, white_hp: 1 });
    expect(totalCost(totals)).toBeCloseTo(0.1 + 16 * 0.7 + 8 * 0.3 + 0.25, 9);
  });

  it('prices a day with no recorded colour as blue', () => {
    const start = Date.parse('2026-01-15T05:00:00Z');
    expect(priced('tempo', start, start + 24 * HOUR).amounts).toEqual({ blue_hp: 16, blue_hc: 8 });
  });
});

describe('prices from a date', () => {
  const changing = electricity({
    meters: ['sensor.linky_imported'],
    base: { prices: [{ from: '2026-01-01', subscriptionPerMonth: 31, kWh: 0.2 }, { from: '2026-01-15', subscriptionPerMonth: 62, kWh: 0.3 }] },
  });

  it('changes the price of energy and subscription at local midnight of the date, mid-month', () => {
    const start = Date.parse('2025-12-31T23:00:00Z');
    const end = Date.parse('2026-01-31T23:00:00Z');
    const wall = wallClock(start - DAY, end + DAY, TZ);
    const tariff = electricityTariff('base', changing, { wall });
    const rows = energyRows({ period: 'month', start, end, now: end, series: [steady(start, end)], tariffs: { electricity: tariff }, wall, timezone: TZ });
    expect(rows).toHaveLength(1);
    const [january] = rows;
    expect(january!.meters['sensor.linky_imported']!.change).toBe(31 * 24);
    // 14 days at 0.2, 17 at 0.3; 14 days of 31/31 a day, 17 of 62/31
    expect(january!.cost.electricity).toBeCloseTo(14 * 24 * 0.2 + 17 * 24 * 0.3, 6);
    expect(january!.cost.subscription).toBeCloseTo(14 + 17 * 2, 6);
    expect(january!.cost.total).toBeCloseTo(14 * 24 * 0.2 + 17 * 24 * 0.3 + 48, 6);
  });

  it('refuses dates that do not increase, naming the entry', () => {
    const result = energySchema.safeParse({ electricity: { meters: ['sensor.m'], base: { prices: [{ from: '2026-02-01', kWh: 0.2 }, { from: '2026-01-01', kWh: 0.3 }] } } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['electricity', 'base', 'prices', 1, 'from'], message: 'dates must increase: 2026-01-01 is not after 2026-02-01' });
  });
});

describe('rows and comparison', () => {
  it('cuts local days over a DST change: 23 and 25 hours, each one day of subscription', () => {
    const start = Date.parse('2026-03-28T23:00:00Z');
    const wall = wallClock(start - DAY, start + 3 * DAY, TZ);
    const spans = spansOf('day', start, start + 47 * HOUR, wall);
    expect(spans.map((s) => (s.end - s.start) / HOUR)).toEqual([23, 24]);
    const tariff = electricityTariff('base', config, { wall });
    expect(tariff.subscription(spans[0]!.start, spans[0]!.end)).toBeCloseTo(1, 9);
    const autumn = Date.parse('2026-10-24T22:00:00Z');
    const w2 = wallClock(autumn - DAY, autumn + 2 * DAY, TZ);
    expect(spansOf('day', autumn, autumn + HOUR, w2).map((s) => (s.end - s.start) / HOUR)).toEqual([25]);
  });

  it('compares each row with the day before and the same day a year earlier', () => {
    const start = Date.parse('2026-01-14T23:00:00Z');
    const wall = wallClock(start - 400 * DAY, start + 2 * DAY, TZ);
    const series = steady(start - 366 * DAY, start + DAY);
    const rows = energyRows({ period: 'day', start, end: start + DAY, now: start + 2 * DAY, series: [series], tariffs: { electricity: electricityTariff('base', config, { wall }) }, wall, timezone: TZ });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.previous).toMatchObject({ start: start - DAY, end: start, electricity: 24 });
    expect(rows[0]!.yearAgo).toMatchObject({ start: start - 365 * DAY, electricity: 24 });
    expect(rows[0]!.cost.total).toBeCloseTo(24 * 0.2 + 1, 9);
  });

  it('ranks the options for the same consumption, cheapest first', () => {
    const start = Date.parse('2026-01-14T23:00:00Z');
    const end = start + DAY;
    const wall = wallClock(start - DAY, end + DAY, TZ);
    const cal = { wall, offPeak: { hchp: clockOffPeak(['22:00-06:00'], wall), tempo: clockOffPeak(['22:00-06:00'], wall) }, colour: tempoColours([], wall, end) };
    const options = (['base', 'hchp', 'tempo'] as const).map((t) => electricityTariff(t, config, cal));
    const ranked = compareTariffs([steady(start, end)], options, { start, end });
    // base 24 × 0.2; HC/HP 8 × 0.1 + 16 × 0.3; Tempo blue 8 × 0.1 + 16 × 0.15; one day of subscription each
    expect(ranked.map((r) => [r.tariff, Number(r.total.toFixed(6))])).toEqual([['tempo', 4.2], ['base', 5.8], ['hchp', 6.6]]);
  });
});

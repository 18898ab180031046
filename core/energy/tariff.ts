/**
 * Cost arithmetic of the electricity options (Base, HC/HP, Tempo) and of water and
 * gas: consumption slots in, money by tariff period out. Pure: the calendar (wall
 * clock, off-peak share, Tempo colour) is handed in.
 */
import { dayOf } from '../time/zone.js';
import { daysInMonth, localDays, type OffPeakShare, type TempoColour } from './calendar.js';
import type { ElectricityConfig, TariffName, VolumeConfig } from '../config/index.js';
import type { WallClock } from './local-clock.js';

/** Consumption (kWh or m³) and its cost, per tariff period: `base`, `hc`/`hp`, `blue_hc` … `red_hp`, or `volume`. */
export type PeriodTotals = Record<string, { amount: number; cost: number }>;

export interface Tariff {
  readonly name: TariffName | 'volume';
  /** Adds the consumption of [start, end) and its cost to `into`, by period. */
  add(into: PeriodTotals, start: number, end: number, amount: number): void;
  /** The subscription's share for [start, end): each local day costs its month's price / days in that month. */
  subscription(start: number, end: number): number;
}

export interface TariffCalendar {
  wall: WallClock;
  /** Off-peak share by option (`hchp`, `tempo`: each may have its own hours). */
  offPeak?: Partial<Record<'hchp' | 'tempo', OffPeakShare>>;
  colour?: (ms: number) => TempoColour;
}

interface Dated {
  from: string;
  subscriptionPerMonth: number;
}

/** The entry in force on a local day: the last one from that day or before (the first one before them all). */
export function priceFinder<P extends Dated>(list: readonly P[]): (day: number) => P {
  const days = list.map((p) => dayOf(p.from));
  return (day) => {
    let i = days.length - 1;
    while (i > 0 && days[i]! > day) i--;
    return list[i]!;
  };
}

function bump(into: PeriodTotals, period: string, amount: number, cost: number): void {
  const t = (into[period] ??= { amount: 0, cost: 0 });
  t.amount += amount;
  t.cost += cost;
}

function subscriptionOf(find: (day: number) => Dated, wall: WallClock) {
  return (start: number, end: number) => localDays(start, end, wall).reduce((sum, { day, share }) => sum + (find(day).subscriptionPerMonth / daysInMonth(day)) * share, 0);
}

/** Tempo period names, built once: a slot is priced tens of thousands of times a report. */
const TEMPO_PERIODS: Readonly<Record<TempoColour, { hc: string; hp: string }>> = {
  blue: { hc: 'blue_hc', hp: 'blue_hp' },
  white: { hc: 'white_hc', hp: 'white_hp' },
  red: { hc: 'red_hc', hp: 'red_hp' },
};

/** One electricity option of the config, priced on the calendar. */
export function electricityTariff(name: TariffName, config: ElectricityConfig, calendar: TariffCalendar): Tariff {
  const { wall } = calendar;
  const day = (ms: number) => wall(ms).day;
  if (name === 'base') {
    const find = priceFinder(config.base!.prices);
    return {
      name,
      add: (into, start, _end, kWh) => bump(into, 'base', kWh, kWh * find(day(start)).kWh),
      subscription: subscriptionOf(find, wall),
    };
  }
  const offPeak = calendar.offPeak?.[name];
  if (!offPeak) throw new Error(`no off-peak hours for ${name}`);
  if (name === 'hchp') {
    const find = priceFinder(config.hchp!.prices);
    return {
      name,
      add(into, start, end, kWh) {
        const p = find(day(start));
        const hc = kWh * offPeak(start, end);
        if (hc > 0) bump(into, 'hc', hc, hc * p.hc);
        if (kWh - hc > 0 || hc === 0) bump(into, 'hp', kWh - hc, (kWh - hc) * p.hp);
      },
      subscription: subscriptionOf(find, wall),
    };
  }
  const colour = calendar.colour;
  if (!colour) throw new Error('no Tempo colours');
  const find = priceFinder(config.tempo!.prices);
  return {
    name,
    add(into, start, end, kWh) {
      const c = colour(start);
      const p = find(day(start))[c];
      const hc = kWh * offPeak(start, end);
      if (hc > 0) bump(into, TEMPO_PERIODS[c].hc, hc, hc * p.hc);
      if (kWh - hc > 0 || hc === 0) bump(into, TEMPO_PERIODS[c].hp, kWh - hc, (kWh - hc) * p.hp);
    },
    subscription: subscriptionOf(find, wall),
  };
}

/** Water or gas: one price per m³, changing from dates like the others. */
export function volumeTariff(config: VolumeConfig, wall: WallClock): Tariff {
  const find = priceFinder(config.prices);
  return {
    name: 'volume',
    add: (into, start, _end, m3) => bump(into, 'volume', m3, m3 * find(wall(start).day).perM3),
    subscription: subscriptionOf(find, wall),
  };
}

export function totalCost(totals: PeriodTotals): number {
  return Object.values(totals).reduce((sum, t) => sum + t.cost, 0);
}

export function totalAmount(totals: PeriodTotals): number {
  return Object.values(totals).reduce((sum, t) => sum + t.amount, 0);
}

/**
 * The energy service: reads counters and tariff entities from the history, builds
 * the calendar and tariffs of the `energy:` config, and answers the report, the
 * comparison and the Tempo calendar.
 */
import type { HistoryQueries } from '../history/index.js';
import { DAY_MS } from '../time/zone.js';
import { previousSpan, spansOf, yearEarlierSpan, dayStart, type EnergyPeriod, type Span } from './buckets.js';
import { clockOffPeak, reportedOffPeak, stepLookup, tempoColourOf, tempoColours, tempoDay, type Change, type OffPeakShare, type TempoColour } from './calendar.js';
import { TARIFFS, type EnergyConfig, type OffPeak, type TariffName } from '../config/index.js';
import { hourlySlots, type Slot } from './consumption.js';
import { wallClock, type WallClock } from './local-clock.js';
import { compareTariffs, energyRows, type EnergyRow, type MeterKind, type MeterSeries, type TariffCost } from './report.js';
import { electricityTariff, volumeTariff, type Tariff, type TariffCalendar } from './tariff.js';

const HOUR_MS = 3_600_000;

export interface EnergyDeps {
  config: EnergyConfig;
  history: Pick<HistoryQueries, 'statistics' | 'statesBetween'>;
  timezone?: string;
  now?: () => number;
}

export interface EnergyReport {
  currency: string;
  /** The contract's electricity option. */
  tariff?: TariffName;
  period: EnergyPeriod;
  meters: Record<string, { kind: MeterKind; billed: boolean }>;
  power?: string;
  rows: EnergyRow[];
}

export interface TariffComparison {
  currency: string;
  start: number;
  end: number;
  /** The contract's option. */
  current?: TariffName;
  /** Cheapest first. */
  options: TariffCost[];
}

export interface TempoCalendar {
  /** Each local day's colour (its Tempo day starting 06:00), null where none was recorded. */
  days: { date: string; colour: TempoColour | null }[];
  today: TempoColour | null;
  tomorrow: TempoColour | null;
}

export interface Energy {
  report(period: EnergyPeriod, start: number, end: number): EnergyReport;
  compare(start: number, end: number): TariffComparison;
  tempo(start: number, end: number): TempoCalendar;
}

export function createEnergy(deps: EnergyDeps): Energy {
  const { config, history, timezone } = deps;
  const now = deps.now ?? Date.now;
  const electricity = config.electricity;
  const configured = TARIFFS.filter((t) => electricity?.[t]);
  const contract = electricity?.tariff ?? configured[0];

  const meterList: { entityId: string; kind: MeterKind; billed: boolean }[] = [
    ...(electricity?.meters.map((entityId) => ({ entityId, kind: 'electricity' as const, billed: true })) ?? []),
    ...(electricity?.submeters.map((entityId) => ({ entityId, kind: 'electricity' as const, billed: false })) ?? []),
    ...(config.water?.meters.map((entityId) => ({ entityId, kind: 'water' as const, billed: true })) ?? []),
    ...(config.gas?.meters.map((entityId) => ({ entityId, kind: 'gas' as const, billed: true })) ?? []),
  ];

  function changes(entityId: string, start: number, end: number): Change[] {
    return history.statesBetween([entityId], start, end).map((s) => ({ ms: s.ms, state: s.state }));
  }

  /**
   * The colour the meter gave since this Tempo day began (06:00): a meter that went quiet or
   * unavailable meanwhile (a hub restart records it unavailable until its next frame) does not
   * make today's colour unknown.
   */
  function todayColour(entityId: string): TempoColour | null {
    const at = now();
    const began = dayStart(tempoDay(at, wallClock(at - DAY_MS, at + DAY_MS, timezone)), timezone) + 6 * HOUR_MS;
    const colours = changes(entityId, began, at).filter((c) => c.ms >= began).map((c) => tempoColourOf(c.state)).filter((c) => c !== undefined);
    return colours.at(-1) ?? null;
  }

  function slots(entityId: string, start: number, end: number): Slot[] {
    let rows;
    try {
      rows = history.statistics(entityId, '1h', start - HOUR_MS, end - 1).rows;
    } catch {
      return []; // nothing recorded yet
    }
    const before = rows[0] && rows[0].start < start ? rows.shift() : undefined;
    return hourlySlots(rows, before?.max);
  }

  function offPeakOf(offPeak: OffPeak, wall: WallClock, span: Span): OffPeakShare {
    return Array.isArray(offPeak) ? clockOffPeak(offPeak, wall) : reportedOffPeak(changes(offPeak.entity, span.start, span.end), offPeak.match);
  }

  /** Everything the tariffs need over `span`: one wall clock, the off-peak hours and Tempo colours. */
  function calendar(span: Span): TariffCalendar {
    const wall = wallClock(span.start - DAY_MS, span.end + DAY_MS, timezone);
    const offPeak: TariffCalendar['offPeak'] = {};
    if (electricity?.hchp) offPeak.hchp = offPeakOf(electricity.hchp.offPeak, wall, span);
    if (electricity?.tempo) offPeak.tempo = offPeakOf(electricity.tempo.offPeak, wall, span);
    const colour = electricity?.tempo && tempoColours(changes(electricity.tempo.colour, span.start - DAY_MS, span.end), wall, now());
    return { wall, offPeak, ...(colour && { colour }) };
  }

  function series(span: Span): MeterSeries[] {
    return meterList.map((m) => ({ ...m, slots: slots(m.entityId, span.start, span.end) }));
  }

  function tariffsOf(cal: TariffCalendar): Partial<Record<MeterKind, Tariff>> {
    return {
      ...(electricity && contract && { electricity: electricityTariff(contract, electricity, cal) }),
      ...(config.water && { water: volumeTariff(config.water, cal.wall) }),
      ...(config.gas && { gas: volumeTariff(config.gas, cal.wall) }),
    };
  }

  return {
    report(period, start, end) {
      // every row is compared with the span before it and a year earlier: fetch from the earliest
      const probe = wallClock(start - 400 * DAY_MS, end, timezone);
      const spans = spansOf(period, start, end, probe);
      const first = spans[0] ?? { start, end };
      const fetch = { start: Math.min(previousSpan(period, first, probe).start, yearEarlierSpan(period, first, probe).start), end: spans.at(-1)?.end ?? end };
      const cal = calendar(fetch);
      const rows = energyRows({ period, start, end, now: now(), series: series(fetch), tariffs: tariffsOf(cal), wall: cal.wall, ...(timezone && { timezone }) });
      return {
        currency: config.currency,
        ...(contract && { tariff: contract }),
        period,
        meters: Object.fromEntries(meterList.map((m) => [m.entityId, { kind: m.kind, billed: m.billed }])),
        ...(electricity?.power && { power: electricity.power }),
        rows,
      };
    },
    compare(start, end) {
      const span = { start, end };
      const cal = calendar(span);
      const options = electricity ? configured.map((t) => electricityTariff(t, electricity, cal)) : [];
      return { currency: config.currency, start, end, ...(contract && { current: contract }), options: compareTariffs(series(span), options, span) };
    },
    tempo(start, end) {
      const tempo = electricity?.tempo;
      const at = stepLookup(tempo ? changes(tempo.colour, start - DAY_MS, end + DAY_MS) : []);
      const wall = wallClock(start, end, timezone);
      const days: TempoCalendar['days'] = [];
      for (let day = wall(start).day; dayStart(day, timezone) < end; day++) {
        // late in the Tempo day (06:00 → 06:00), its colour long settled; the day under way: now
        const from = dayStart(day, timezone);
        const probe = Math.min(from + 18 * HOUR_MS, now());
        days.push({ date: new Date(day * DAY_MS).toISOString().slice(0, 10), colour: probe >= from + 6 * HOUR_MS ? (tempoColourOf(at(probe)) ?? null) : null });
      }
      const current = (id: string | undefined) => (id ? (tempoColourOf(stepLookup(changes(id, now(), now()))(now())) ?? null) : null);
      return { days, today: tempo ? todayColour(tempo.colour) : null, tomorrow: current(tempo?.tomorrow) };
    },
  };
}

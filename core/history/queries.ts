/**
 * Read side of the history (DESIGN §9): downsampling happens in SQL, and spans
 * whose buckets are wider than five minutes read the statistics, not raw rows.
 */
import type { DatabaseHandle } from '../db/index.js';
import { NotFoundError } from '../errors.js';
import { CLIMATE_SERIES, isClimate, seriesId, type ClimateSeries } from './climate.js';
import { createDictionary, type EntityRef } from './dictionary.js';
import { bucketWidth, mergeExtremes, thinChanges, type Extreme, type Point } from './downsample.js';
import { FIVE_MINUTES_MS, floorTo, HOUR_MS, RANGE_ROWS, rangeParams } from './keys.js';
import { decodeValue, type StoredState } from './kinds.js';
import { createMeta } from './meta.js';
import { createRawReader, type RawRow } from './raw.js';
import { localDayStart } from './timezone.js';
import { createWindowStats, regroup } from './windows.js';
import { createLogbookQuery, type LogbookPage, type LogbookQuery } from './logbook-query.js';

export type { LogbookEntry, LogbookPage, LogbookQuery } from './logbook-query.js';

export type HistoryPoint = [ms: number, value: StoredState];
export type StatisticsPeriod = '5m' | '1h' | '1d';

export interface StatisticsRow {
  start: number;
  mean: number;
  min: number;
  max: number;
  count: number;
  /** Counters (`stateClass: total_increasing`): consumption in the row; a drop of the reading by over 10% is a reset, counted from 0 (core/history/counter.ts). */
  change?: number;
  /** Counters: the running total of `change` at the row's end, since the entity was first recorded. */
  sum?: number;
  /** Climate entities (whose mean/min/max are the current temperature's): hours spent heating in this row. */
  heatingHours?: number;
}

export interface HistoryResult {
  entityId: string;
  points: HistoryPoint[];
  /** Climate entities: current and target temperature, and heating as 'on'/'off'. */
  series?: Record<ClimateSeries, HistoryPoint[]>;
}

export interface RecordedState {
  entityId: string;
  ms: number;
  state: string | number | null;
  attributes?: Record<string, unknown>;
}

export interface HistoryQueries {
  /** At most `points` points; numeric entities keep each bucket's min and max, others their changes. */
  history(entityId: string, startMs: number, endMs: number, points: number): HistoryResult;
  statistics(entityId: string, period: StatisticsPeriod, startMs: number, endMs: number): { rows: StatisticsRow[] };
  logbook(query: LogbookQuery): LogbookPage;
  /** Every recorded state of these entities in [start, end], oldest first, each entity led by its state in force at `start`. */
  statesBetween(entityIds: string[], startMs: number, endMs: number): RecordedState[];
}

export interface HistoryQueryOptions {
  /** Day buckets of `period=1d` follow this IANA zone; default UTC. */
  timezone?: string;
  /** Clock: statistics not yet rolled up are computed for the windows complete before now. */
  now?: () => number;
}

export function createHistoryQueries(database: DatabaseHandle, options: HistoryQueryOptions = {}): HistoryQueries {
  const { sqlite } = database;
  const dictionary = createDictionary(sqlite);
  const meta = createMeta(sqlite);
  const extreme = (fn: 'min' | 'max') =>
    sqlite.prepare(
      // parameters arrive as REAL: the cast makes the bucket an integer
      `SELECT CAST((ms - ?) / ? AS INTEGER) AS bucket, ms, ${fn}(value) AS value
       FROM (${RANGE_ROWS}) WHERE value IS NOT NULL GROUP BY bucket`,
    );
  const rawMin = extreme('min');
  const rawMax = extreme('max');
  const stats = sqlite.prepare('SELECT start, mean, min, max, count, change, sum FROM statistics WHERE entity = ? AND period = ? AND start BETWEEN ? AND ? ORDER BY start');
  const counterFlag = sqlite.prepare('SELECT counter FROM history_entities WHERE id = ?');
  const raw = createRawReader(sqlite);
  const logbook = createLogbookQuery(sqlite);
  const windows = createWindowStats(sqlite);
  const now = options.now ?? Date.now;

  function entity(entityId: string): EntityRef {
    const ref = dictionary.entity(entityId);
    if (!ref) throw new NotFoundError(`no history for '${entityId}'`);
    return ref;
  }

  function rawExtremes(id: number, origin: number, width: number, from: number, to: number): [Extreme[], Extreme[]] {
    if (from > to) return [[], []];
    const args = [origin, width, ...rangeParams(id, from, to)] as const;
    return [rawMin.all<Extreme & Record<string, number>>(...args), rawMax.all<Extreme & Record<string, number>>(...args)];
  }

  function statExtremes(id: number, period: number, origin: number, width: number, from: number, to: number): [Extreme[], Extreme[]] {
    const minima = new Map<number, Extreme>();
    const maxima = new Map<number, Extreme>();
    for (const r of stats.all<StatisticsRow & Record<string, number>>(id, period, from, to)) {
      const bucket = Math.floor((r.start - origin) / width);
      // a slot's min is placed at its start, its max half a slot later: both inside the slot
      const lo = minima.get(bucket);
      const hi = maxima.get(bucket);
      if (!lo || r.min < lo.value) minima.set(bucket, { bucket, ms: r.start, value: r.min });
      if (!hi || r.max > hi.value) maxima.set(bucket, { bucket, ms: r.start + period / 2, value: r.max });
    }
    return [[...minima.values()], [...maxima.values()]];
  }

  function numericHistory(id: number, startMs: number, endMs: number, points: number): Point[] {
    const width = bucketWidth(startMs, endMs, points);
    if (width < FIVE_MINUTES_MS) return mergeExtremes(...rawExtremes(id, startMs, width, startMs, endMs));
    const period = width >= HOUR_MS ? HOUR_MS : FIVE_MINUTES_MS;
    // statistics cover everything before the rollup mark; the recent tail comes from raw rows
    const rolledUp = meta.getNumber('history.rollup') ?? startMs;
    const [statMin, statMax] = statExtremes(id, period, startMs, width, startMs - period + 1, Math.min(endMs, rolledUp - 1));
    const [rawMin, rawMax] = rawExtremes(id, startMs, width, Math.max(startMs, rolledUp), endMs);
    return mergeExtremes([...statMin, ...rawMin], [...statMax, ...rawMax]).filter(([ms]) => ms >= startMs && ms <= endMs);
  }

  // The rollup runs hourly (SD-card wear): windows after its mark are computed from raw rows.
  function liveWindows(ref: EntityRef, from: number, endMs: number): StatisticsRow[] {
    return windows(ref, from, Math.min(floorTo(endMs, FIVE_MINUTES_MS) + FIVE_MINUTES_MS, floorTo(now(), FIVE_MINUTES_MS)));
  }

  function fiveMinuteRows(ref: EntityRef, startMs: number, endMs: number): StatisticsRow[] {
    const done = meta.getNumber('history.rollup') ?? 0;
    const stored = stats.all<StatisticsRow & Record<string, number>>(ref.id, FIVE_MINUTES_MS, startMs, Math.min(endMs, done - 1));
    // a counter's running sum goes on from the last stored row, so its live windows start at the mark
    const liveFrom = ref.counter ? done : Math.max(done, floorTo(startMs, FIVE_MINUTES_MS));
    return [...stored, ...liveWindows(ref, liveFrom, endMs).filter((r) => r.start >= startMs)];
  }

  /** Stored hours before the rollup mark's hour; that hour and later ones from their 5-minute rows, stored or live. */
  function hourRows(ref: EntityRef, startMs: number, endMs: number): StatisticsRow[] {
    const liveFrom = floorTo(meta.getNumber('history.rollup') ?? 0, HOUR_MS);
    const stored = stats.all<StatisticsRow & Record<string, number>>(ref.id, HOUR_MS, startMs, Math.min(endMs, liveFrom - 1));
    if (endMs < liveFrom) return stored;
    const minutes = fiveMinuteRows(ref, Math.max(liveFrom, floorTo(startMs, HOUR_MS)), endMs);
    const hours = regroup(minutes, (start) => floorTo(start, HOUR_MS), ref.kind === 'onoff');
    return [...stored, ...hours.filter((h) => h.start >= startMs && h.start <= endMs)];
  }

  function decode(ref: EntityRef, entityId: string, r: RawRow): RecordedState {
    const attributes = r.attributes === null ? undefined : dictionary.attributes(r.attributes);
    const text = r.text === null ? null : (dictionary.text(r.text) ?? null);
    return { entityId, ms: r.ms, state: decodeValue(ref.kind, r.value, text), ...(attributes && { attributes: JSON.parse(attributes) as Record<string, unknown> }) };
  }

  function statesOf(entityId: string, startMs: number, endMs: number): RecordedState[] {
    const ref = dictionary.entity(entityId);
    if (!ref) return [];
    const first = raw.lastAt(ref.id, startMs - 1);
    const inRange = raw.rows(ref.id, startMs, endMs);
    return (first ? [first, ...inRange] : inRange).map((r) => decode(ref, entityId, r));
  }

  function pointsOf(entityId: string, ref: EntityRef, startMs: number, endMs: number, points: number): HistoryPoint[] {
    if (ref.kind === 'numeric') return numericHistory(ref.id, startMs, endMs, points);
    const changes = thinChanges(statesOf(entityId, startMs, endMs), startMs, endMs, points);
    return changes.map((s): HistoryPoint => [Math.max(s.ms, startMs), s.state]);
  }

  function statisticsOf(cached: EntityRef, period: StatisticsPeriod, startMs: number, endMs: number): StatisticsRow[] {
    // read afresh: the recorder marks an entity a counter when its attributes say so
    const ref = { ...cached, counter: counterFlag.get<{ counter: number }>(cached.id)?.counter === 1 };
    const found = period === '5m' ? fiveMinuteRows(ref, startMs, endMs) : hourRows(ref, startMs, endMs);
    const rows = found.map(({ start, mean, min, max, count, change, sum }) => ({
      start, mean, min, max, count, ...(ref.counter && { change: change ?? 0, sum: sum ?? 0 }),
    }));
    if (period !== '1d') return rows;
    const timeZone = options.timezone ?? 'UTC';
    return regroup(rows, (start) => localDayStart(start, timeZone), ref.kind === 'onoff');
  }

  /** Hours heating per row start: the sum of each 5-minute or hourly share on, so a day missing hours is not overstated. */
  function heatingHours(entityId: string, period: StatisticsPeriod, startMs: number, endMs: number): Map<number, number> {
    const hours = new Map<number, number>();
    const ref = dictionary.entity(seriesId(entityId, 'heating'));
    if (!ref) return hours;
    const grain = period === '5m' ? FIVE_MINUTES_MS / HOUR_MS : 1;
    const timeZone = options.timezone ?? 'UTC';
    const bucketOf = (start: number) => (period === '1d' ? localDayStart(start, timeZone) : start);
    for (const r of statisticsOf(ref, period === '5m' ? '5m' : '1h', startMs, endMs)) {
      hours.set(bucketOf(r.start), (hours.get(bucketOf(r.start)) ?? 0) + r.mean * grain);
    }
    return hours;
  }

  /** A climate entity's statistics: the current temperature's rows, each with its heating hours. */
  function climateStatistics(entityId: string, period: StatisticsPeriod, startMs: number, endMs: number): StatisticsRow[] {
    const current = dictionary.entity(seriesId(entityId, 'current'));
    const hours = heatingHours(entityId, period, startMs, endMs);
    const rows = current ? statisticsOf(current, period, startMs, endMs) : [];
    return rows.map((r) => ({ ...r, heatingHours: hours.get(r.start) ?? 0 }));
  }

  return {
    history(entityId, startMs, endMs, points) {
      const ref = entity(entityId);
      const result: HistoryResult = { entityId, points: pointsOf(entityId, ref, startMs, endMs, points) };
      if (!isClimate(entityId)) return result;
      const series = Object.fromEntries(CLIMATE_SERIES.map((name) => {
        const id = seriesId(entityId, name);
        const seriesRef = dictionary.entity(id);
        return [name, seriesRef ? pointsOf(id, seriesRef, startMs, endMs, points) : []];
      })) as Record<ClimateSeries, HistoryPoint[]>;
      return { ...result, series };
    },
    statistics(entityId, period, startMs, endMs) {
      const ref = entity(entityId);
      if (isClimate(entityId)) return { rows: climateStatistics(entityId, period, startMs, endMs) };
      return { rows: statisticsOf(ref, period, startMs, endMs) };
    },
    logbook: (query) => logbook(query),
    statesBetween(entityIds, startMs, endMs) {
      return entityIds.flatMap((id) => statesOf(id, startMs, endMs)).sort((a, b) => a.ms - b.ms);
    },
  };
}

import { describe, expect, it } from 'vitest';
import type { EntityState, HistoryPoint, StatisticsRow } from '../../../frontend/src/api/types.js';
import { searchEntities } from '../../../frontend/src/lib/entities.js';
import {
  numericSource, parseSelection, previousWindow, resolveWindow, selectionQuery, type HistorySelection,
} from '../../../frontend/src/lib/history-selection.js';
import { alignColumns, buildCsv, chartData, fromPoints, fromStatistics, groupByUnit, isNumeric, shifted } from '../../../frontend/src/lib/history-series.js';
import { panWindow, placement, segments, zoomWindow } from '../../../frontend/src/lib/history-timeline.js';

const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const MIN = 60_000;
const entity = (id: string, name: string, extra: Partial<EntityState> = {}): EntityState => ({
  id, domain: id.split('.')[0] as EntityState['domain'], name, area: null, state: null, attributes: {}, available: true,
  lastChanged: '2026-01-01T00:00:00.000Z', lastUpdated: '2026-01-01T00:00:00.000Z', context: { id: 'c' }, ...extra,
});

describe('history selection in the URL', () => {
  it('round-trips entities, presets, custom ranges and the comparison', () => {
    const cases: HistorySelection[] = [
      { entities: ['sensor.a', 'binary_sensor.door'], range: { preset: '7d' }, compare: false },
      { entities: ['sensor.a'], range: { start: T0, end: T0 + 90 * MIN }, compare: true },
      { entities: [], range: { preset: '1y' }, compare: false },
    ];
    for (const selection of cases) expect(parseSelection(selectionQuery(selection))).toEqual(selection);
  });

  it('writes a link a person can read', () => {
    expect(selectionQuery({ entities: ['sensor.a', 'sensor.b'], range: { preset: '7d' }, compare: false })).toBe('?e=sensor.a,sensor.b&range=7d');
    expect(selectionQuery({ entities: ['sensor.a'], range: { start: T0, end: T0 + MIN }, compare: true }))
      .toBe('?e=sensor.a&start=2026-03-01T00:00:00.000Z&end=2026-03-01T00:01:00.000Z&compare=1');
  });

  it('reads epoch-ms bounds, drops bad ids and duplicates, and falls back to 24 h on a bad range', () => {
    expect(parseSelection(`?e=sensor.a,Bad-Id,sensor.a,&start=${T0}&end=${T0 + MIN}`)).toEqual({ entities: ['sensor.a'], range: { start: T0, end: T0 + MIN }, compare: false });
    expect(parseSelection('?range=2w').range).toEqual({ preset: '24h' });
    expect(parseSelection(`?start=${T0 + MIN}&end=${T0}`).range).toEqual({ preset: '24h' });
    expect(parseSelection('?start=yesterday&end=today').range).toEqual({ preset: '24h' });
  });

  it('resolves windows, the previous period and where numbers are read from', () => {
    const w = resolveWindow({ preset: '7d' }, T0);
    expect(w).toEqual({ start: T0 - 7 * 24 * 60 * MIN, end: T0 });
    expect(previousWindow(w)).toEqual({ start: T0 - 14 * 24 * 60 * MIN, end: w.start });
    expect(resolveWindow({ start: 1, end: 2 }, T0)).toEqual({ start: 1, end: 2 });
    expect(numericSource(resolveWindow({ preset: '24h' }, T0))).toEqual({ kind: 'history', points: 500 });
    expect(numericSource(w)).toEqual({ kind: 'statistics', period: '1h' });
    expect(numericSource(resolveWindow({ preset: '1y' }, T0))).toEqual({ kind: 'statistics', period: '1d' });
  });
});

describe('history series', () => {
  it('groups numbers by unit, and sends states to timelines', () => {
    const t1 = entity('sensor.t1', 'T1', { state: 20, attributes: { unit: '°C' } });
    const h = entity('sensor.h', 'H', { state: 50, attributes: { unit: '%' } });
    const t2 = entity('sensor.t2', 'T2', { state: null, attributes: { unit: '°C' } });
    const door = entity('binary_sensor.door', 'Door', { state: 'on' });
    const mode = entity('sensor.mode', 'Mode', { state: 'eco' });
    expect([t1, h, t2, door, mode].map(isNumeric)).toEqual([true, true, true, false, false]);
    expect(isNumeric(entity('climate.hall', 'Hall', { state: 'heat' }))).toBe(true);
    expect(groupByUnit([t1, h, t2])).toEqual([{ unit: '°C', ids: ['sensor.t1', 'sensor.t2'] }, { unit: '%', ids: ['sensor.h'] }]);
  });

  it('aligns series on the union of their times with gaps as null', () => {
    expect(alignColumns([{ ms: [1000, 3000], values: [1, 3] }, { ms: [2000, 3000], values: [20, 30] }]))
      .toEqual([[1, 2, 3], [1, null, 3], [null, 20, 30]]);
  });

  it('draws a band for downsampled buckets and lays the previous period over the current one', () => {
    const rows: StatisticsRow[] = [
      { start: new Date(T0).toISOString(), mean: 20, min: 18, max: 22, count: 12 },
      { start: new Date(T0 + 60 * MIN).toISOString(), mean: 21, min: 19, max: 23, count: 12 },
    ];
    const day = 24 * 60 * MIN;
    const previous = fromPoints('sensor.t', 'previous', [[T0 - day, 15], [T0 - day + 60 * MIN, 16]]);
    const { columns, data } = chartData([fromStatistics('sensor.t', 'current', rows), previous], day);
    expect(columns.map((c) => `${c.period}:${c.role}`)).toEqual(['current:value', 'current:min', 'current:max', 'previous:value']);
    expect(data).toEqual([[T0 / 1000, (T0 + 60 * MIN) / 1000], [20, 21], [18, 19], [22, 23], [15, 16]]);
  });
});

describe('timeline segments of a binary sensor', () => {
  const w = { start: T0, end: T0 + 60 * MIN };
  it('holds each state until the next change, merges repeats, clips to the window and marks unknown', () => {
    const door: HistoryPoint[] = [[T0 - 10 * MIN, 'off'], [T0 + 5 * MIN, 'on'], [T0 + 7 * MIN, 'on'], [T0 + 20 * MIN, 'off'], [T0 + 40 * MIN, null], [T0 + 50 * MIN, 'off']];
    expect(segments(fromPoints('binary_sensor.door', 'current', door).samples, w)).toEqual([
      { from: T0, to: T0 + 5 * MIN, state: 'off' },
      { from: T0 + 5 * MIN, to: T0 + 20 * MIN, state: 'on' },
      { from: T0 + 20 * MIN, to: T0 + 40 * MIN, state: 'off' },
      { from: T0 + 40 * MIN, to: T0 + 50 * MIN, state: null },
      { from: T0 + 50 * MIN, to: T0 + 60 * MIN, state: 'off' },
    ]);
  });

  it('places segments in a zoomed window, and zoom and pan stay inside the range', () => {
    const zoomed = { start: T0 + 15 * MIN, end: T0 + 45 * MIN };
    expect(placement({ from: T0 + 5 * MIN, to: T0 + 20 * MIN, state: 'on' }, zoomed)).toEqual({ left: 0, width: (5 / 30) * 100 });
    expect(placement({ from: T0, to: T0 + 10 * MIN, state: 'off' }, zoomed)).toBeUndefined();
    expect(zoomWindow(w, 0.5, 0.5, w)).toEqual(zoomed);
    expect(zoomWindow(zoomed, 0.5, 4, w)).toEqual(w);
    expect(panWindow(zoomed, 1, w)).toEqual({ start: T0 + 30 * MIN, end: T0 + 60 * MIN });
    expect(panWindow(zoomed, -0.25, w)).toEqual({ start: T0 + 7.5 * MIN, end: T0 + 37.5 * MIN });
  });
});

describe('CSV export', () => {
  it('has one row per point the API returned, with bands and the previous period unshifted', () => {
    const points: HistoryPoint[] = [[T0, 20.5], [T0 + MIN, null]];
    const enumPoints: HistoryPoint[] = [[T0, 'heat, boost "max"']];
    const rows: StatisticsRow[] = [{ start: new Date(T0).toISOString(), mean: 20, min: 18, max: 22, count: 12 }];
    const loaded = { start: T0, end: T0 + 10 * MIN };
    const csv = buildCsv([fromPoints('sensor.t', 'current', points), fromPoints('sensor.mode', 'current', enumPoints), fromStatistics('sensor.h', 'previous', rows)], loaded, 0);
    expect(csv.split('\r\n')).toEqual([
      'entity_id,period,time,value,min,max',
      'sensor.t,current,2026-03-01T00:00:00.000Z,20.5,,',
      'sensor.t,current,2026-03-01T00:01:00.000Z,,,',
      'sensor.mode,current,2026-03-01T00:00:00.000Z,"heat, boost ""max""",,',
      'sensor.h,previous,2026-03-01T00:00:00.000Z,20,18,22',
      '',
    ]);
  });

  it('when zoomed, has only the rows inside the window shown, a previous period by where it is drawn', () => {
    const points: HistoryPoint[] = [0, 10, 20, 30, 40].map((m) => [T0 + m * MIN, m]);
    const day = 24 * 60 * MIN;
    const before: HistoryPoint[] = [5, 25, 45].map((m) => [T0 - day + m * MIN, -m]);
    const shown = { start: T0 + 10 * MIN, end: T0 + 30 * MIN };
    const csv = buildCsv([fromPoints('sensor.t', 'current', points), fromPoints('sensor.t', 'previous', before)], shown, day).trim().split('\r\n');
    expect(csv).toEqual([
      'entity_id,period,time,value,min,max',
      'sensor.t,current,2026-03-01T00:10:00.000Z,10,,',
      'sensor.t,current,2026-03-01T00:20:00.000Z,20,,',
      'sensor.t,current,2026-03-01T00:30:00.000Z,30,,',
      'sensor.t,previous,2026-02-28T00:25:00.000Z,-25,,',
    ]);
  });
});

describe('timelines compared with the previous period', () => {
  it('draw the period before, shifted, as its own segments under the same window', () => {
    const day = 24 * 60 * MIN;
    const w = { start: T0, end: T0 + day };
    const before = fromPoints('binary_sensor.door', 'previous', [[T0 - day - MIN, 'off'], [T0 - day + 60 * MIN, 'on'], [T0 - day + 90 * MIN, 'off']]);
    expect(segments(shifted(before, day), w)).toEqual([
      { from: T0, to: T0 + 60 * MIN, state: 'off' },
      { from: T0 + 60 * MIN, to: T0 + 90 * MIN, state: 'on' },
      { from: T0 + 90 * MIN, to: T0 + day, state: 'off' },
    ]);
    const now = fromPoints('binary_sensor.door', 'current', [[T0, 'on']]);
    expect(shifted(now, day)).toBe(now.samples);
  });
});

describe('entity search', () => {
  it('matches every word against name, id, area and domain', () => {
    const list = [
      entity('sensor.kitchen_temperature', 'Kitchen temperature', { area: 'kitchen' }),
      entity('binary_sensor.hall_motion', 'Motion', { area: 'hall' }),
      entity('sensor.hall_temperature', 'Hall temperature', { area: 'hall' }),
    ];
    expect(searchEntities(list, 'hall').map((e) => e.id)).toEqual(['sensor.hall_temperature', 'binary_sensor.hall_motion']);
    expect(searchEntities(list, 'binary hall').map((e) => e.id)).toEqual(['binary_sensor.hall_motion']);
    expect(searchEntities(list, 'TEMP kitchen').map((e) => e.id)).toEqual(['sensor.kitchen_temperature']);
    expect(searchEntities(list, '')).toHaveLength(3);
  });
});

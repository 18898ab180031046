import { ApiError, type EntityState, type HistoryResponse, type HttpClient } from '../api/index.js';
import { numericSource, previousWindow, type TimeWindow } from '../lib/history-selection.js';
import { fromPoints, fromStatistics, isNumeric, type Period, type Series } from '../lib/history-series.js';

/** States change rarely next to readings: enough changes for a year of a busy door. */
const STATE_POINTS = 5000;

/** An entity without recorded history (404) has an empty series; other failures are errors. */
function orEmpty<T>(fallback: T): (err: unknown) => T {
  return (err) => {
    if (err instanceof ApiError && err.status === 404) return fallback;
    throw err;
  };
}

async function numeric(api: HttpClient, e: EntityState, period: Period, w: TimeWindow): Promise<Series> {
  const span = { start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString() };
  const source = numericSource(w);
  if (source.kind === 'statistics') {
    const { rows } = await api.statistics(e.id, { period: source.period, ...span }).catch(orEmpty({ rows: [] }));
    return fromStatistics(e.id, period, rows);
  }
  const answer = await api.history(e.id, { ...span, points: source.points }).catch(orEmpty<HistoryResponse>({ entityId: e.id, points: [] }));
  // A thermostat charts its current temperature; its mode is in the logbook.
  return fromPoints(e.id, period, answer.series?.current ?? answer.points);
}

async function states(api: HttpClient, e: EntityState, period: Period, w: TimeWindow): Promise<Series> {
  const answer = await api.history(e.id, { start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString(), points: STATE_POINTS })
    .catch(orEmpty<HistoryResponse>({ entityId: e.id, points: [] }));
  return fromPoints(e.id, period, answer.points);
}

/** Every picked entity's series over the window, all requests at once; with `compare`, over the previous period too. */
export function loadSeries(api: HttpClient, picked: readonly EntityState[], w: TimeWindow, compare: boolean): Promise<Series[]> {
  const before = previousWindow(w);
  return Promise.all(picked.flatMap((e) => {
    const load = isNumeric(e) ? numeric : states;
    return [load(api, e, 'current', w), ...(compare ? [load(api, e, 'previous', before)] : [])];
  }));
}

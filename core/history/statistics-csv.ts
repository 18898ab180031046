/** Pure: statistics rows as CSV (RFC 4180 line ends), for a spreadsheet or an energy bookkeeping tool. */
import type { StatisticsRow } from './queries.js';

const BASE = ['start', 'mean', 'min', 'max', 'count'] as const;
const OPTIONAL = ['change', 'sum', 'heatingHours'] as const;

/**
 * One line per row: `start` as ISO 8601 UTC (a local day's start is its local midnight),
 * then the row's numbers. `change` and `sum` (counters) and `heatingHours` (climate) are
 * columns only when the rows have them. Nothing needs quoting: every field is a number or a date.
 */
export function statisticsCsv(rows: readonly StatisticsRow[]): string {
  const extra = OPTIONAL.filter((key) => rows.some((r) => r[key] !== undefined));
  const lines = rows.map((r) => [new Date(r.start).toISOString(), r.mean, r.min, r.max, r.count, ...extra.map((key) => r[key] ?? '')].join(','));
  return [[...BASE, ...extra].join(','), ...lines].join('\r\n') + '\r\n';
}

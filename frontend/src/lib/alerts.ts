/** Pure helpers of the Alerts view: severity order and colours, the stacked hour-of-day bars. */
import type { AlertStats, Severity } from '../api/index.js';
import { msg } from './i18n.js';

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'warning', 'info'];

/** A severity as the dashboard names it (French "critique", "avertissement", "info"). */
export function severityWord(severity: Severity): string {
  return severity === 'critical' ? msg('critical', { id: 'alerts.critical' }) : severity === 'warning' ? msg('warning', { id: 'alerts.warning' }) : msg('info', { id: 'alerts.info' });
}

export const SEVERITY_COLOURS: Record<Severity, string> = { critical: '#d92d20', warning: '#e8a317', info: '#2e90fa' };

/**
 * uPlot data for bars stacked by severity: each series is drawn over the previous, so
 * series k holds the sum of itself and every severity below it (critical at the bottom).
 */
export function stackedHours(stats: Pick<AlertStats, 'byHour'>): { order: Severity[]; data: (number | null)[][] } {
  const order = [...SEVERITY_ORDER].reverse(); // info (tallest), warning, critical
  const hours = stats.byHour.map((h) => h.hour);
  // An empty hour is null, not 0: uPlot would draw a zero-height bar as a line along the axis.
  const data = order.map((_, k) => stats.byHour.map((h) => order.slice(k).reduce((n, s) => n + h[s], 0) || null));
  return { order, data: [hours, ...data] };
}

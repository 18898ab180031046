/** Alerts (DESIGN §6 /api/alerts): raised by automations, plugins and the hub, acknowledged by people, counted. */
export { createAlertRoutes } from './routes.js';
export { createAlerts, type AlertPage, type Alerts, type AlertsDeps } from './service.js';
export { PERIODS, statsWindow, tallyAlerts, type AlertStats, type StatsPeriod } from './stats.js';
export { createHubAlerts, HUB_ALERT_DEFAULTS, type HubAlertOptions } from './watchers.js';
export { alertRaiseSchema, SEVERITIES, type Alert, type AlertRaise, type AlertSource, type AlertStatus, type Severity } from './types.js';

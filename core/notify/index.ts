/** Notifications (docs/configuration.md#notifications): channels, delivery with retries, per-user targets. */
import './events.js';

export type { DashboardNotification } from './events.js';
export { createNotifier, DASHBOARD, USER_PREFIX, type ChannelStatus, type NotifierDeps, type NotifyService } from './notifier.js';
export { createNotifyRoutes, type NotifyRouteDeps } from './routes.js';
export { secretEnvName } from './secrets.js';
export { createUserTargetStore, userTargetsSchema, type UserTargets, type UserTargetStore } from './user-targets.js';
export type { Notification, Notifier } from './types.js';

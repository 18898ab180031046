import type { Notification } from './types.js';

/** A notification on the built-in `dashboard` channel, as every open dashboard receives it. */
export interface DashboardNotification extends Notification {
  /** Random: a browser remembers which ones it dismissed. */
  id: string;
  /** ISO time it was sent. */
  at: string;
}

declare module '../kernel/events.js' {
  interface EventMap {
    /** For WebSocket `subscribe_notifications`: a toast on every open dashboard. */
    notification: { notification: DashboardNotification };
  }
}

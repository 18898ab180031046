import type { Context } from '../kernel/index.js';
import type { Alert } from './types.js';

/** Declared here rather than in the kernel so the kernel knows no alert types. */
declare module '../kernel/events.js' {
  interface EventMap {
    /** A new alert (for WebSocket `subscribe_alerts`). */
    alert_raised: { alert: Alert; context: Context };
    /** An identical raise folded into an open alert: its count and lastSeenAt moved. */
    alert_updated: { alert: Alert };
    alert_acknowledged: { alert: Alert; context: Context };
  }
}

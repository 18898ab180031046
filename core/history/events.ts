import type { LogbookEntry } from './logbook-query.js';

/** Declared here rather than in the kernel so the kernel knows no history types. */
declare module '../kernel/events.js' {
  interface EventMap {
    /** Logbook entries just committed, oldest first, as GET /api/logbook reads them (for WebSocket `subscribe_logbook`). */
    logbook_written: { entries: readonly LogbookEntry[] };
  }
}

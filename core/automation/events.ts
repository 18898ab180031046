import type { Trace } from './automation.js';

/** Declared here rather than in the kernel so the kernel knows no automation types. */
declare module '../kernel/events.js' {
  interface EventMap {
    /** A run ended; its trace is stored (for WebSocket `subscribe_automation_traces`). */
    automation_trace: { trace: Trace };
  }
}

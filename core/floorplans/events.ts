import type { PersonLocation } from './service.js';

/** Declared here rather than in the kernel so the kernel knows no floor-plan types. */
declare module '../kernel/events.js' {
  interface EventMap {
    /** A pin was set, moved or taken away, or one expired: every current pin (for WebSocket `subscribe_people`). */
    people_changed: { people: readonly PersonLocation[] };
  }
}

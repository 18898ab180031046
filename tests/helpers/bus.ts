import type { EventBus, EventMap, EventName } from '../../core/kernel/index.js';

/** Resolves with the first `name` event that matches; no polling, no sleeps. */
export function nextEvent<K extends EventName>(bus: EventBus, name: K, match: (e: EventMap[K]) => boolean = () => true): Promise<EventMap[K]> {
  return new Promise((resolve) => {
    const off = bus.on(name, (e) => {
      if (!match(e)) return;
      off();
      resolve(e);
    });
  });
}

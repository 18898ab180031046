import type { EntityState, EventBus, EventMap, EventName, Kernel } from '../../core/kernel/index.js';

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

/** Resolves with the first state of `id` (current or future) that satisfies `match`; rejects after `timeoutMs`, saying what it waited for. */
export function stateOf(kernel: Kernel, id: string, match: (s: EntityState) => boolean, timeoutMs: number, what: string): Promise<EntityState> {
  const now = kernel.states.get(id);
  if (now && match(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error(`${id}: no ${what} within ${timeoutMs} ms (now ${JSON.stringify(kernel.states.get(id))})`))), timeoutMs);
    const off = kernel.bus.on('state_changed', ({ entityId, newState }) => {
      if (entityId === id && newState && match(newState)) {
        clearTimeout(timer);
        off();
        resolve(newState);
      }
    });
  });
}

import type { Logger } from 'pino';
import type { Context } from './context-type.js';
import type { EntityState } from './entity.js';

export type PluginStatus = 'loading' | 'running' | 'failed' | 'stopped' | 'restarting';

/**
 * Every bus event, declared once. Other modules add their own events by
 * augmenting this interface (`declare module '.../events.js'`).
 */
export interface EventMap {
  state_changed: { entityId: string; oldState: EntityState | null; newState: EntityState | null };
  entity_added: { entityId: string; owner: string };
  entity_removed: { entityId: string; owner: string };
  plugin_status: { pluginId: string; status: PluginStatus; error?: string };
  command_executed: {
    entityId: string;
    command: string;
    params: Readonly<Record<string, unknown>>;
    context: Context;
    ok: boolean;
    error?: string;
    /** Network address of the caller, when it came over HTTP/WS. */
    address?: string;
  };
  /** An admin action or security-relevant outcome, for the audit trail in the logbook. */
  audit: {
    action: string;
    outcome: 'ok' | 'denied' | 'failed';
    context: Context;
    address?: string;
    target?: string;
    details?: Readonly<Record<string, unknown>>;
  };
  /** A message the MQTT bridge received on a subscribed topic (for `mqtt` triggers). */
  mqtt_message: { topic: string; payload: string; retained: boolean };
  /** A free-form event (a doorbell press, a button's double click) that automations can trigger on. */
  event: { type: string; data: Readonly<Record<string, unknown>>; context: Context; origin: string };
}

export type EventName = keyof EventMap;
export type Listener<K extends EventName> = (payload: EventMap[K]) => void;

export interface EventBus {
  on<K extends EventName>(name: K, listener: Listener<K>): () => void;
  emit<K extends EventName>(name: K, payload: EventMap[K]): void;
}

/** A listener that throws is logged with the event name; the others still run. */
export function createEventBus(log: Logger): EventBus {
  const listeners = new Map<EventName, Set<Listener<never>>>();
  return {
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener as Listener<never>);
      return () => void set.delete(listener as Listener<never>);
    },
    emit(name, payload) {
      const set = listeners.get(name);
      if (!set) return;
      for (const listener of [...set]) {
        try {
          (listener as Listener<typeof name>)(payload);
        } catch (err) {
          log.error({ err, event: name }, 'event listener failed');
        }
      }
    },
  };
}

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
  /** Whether anyone listens: an emitter may skip building a payload nobody reads. */
  listening(name: EventName): boolean;
}

/**
 * A listener that throws is logged with the event name; the others still run. Each
 * event's listeners are an array replaced on every (rare) change, so an emit — many per
 * reading — iterates without copying, and a listener added or removed during an emit
 * takes effect from the next one.
 */
export function createEventBus(log: Logger): EventBus {
  const listeners = new Map<EventName, readonly Listener<never>[]>();
  return {
    on(name, listener) {
      const l = listener as Listener<never>;
      const current = listeners.get(name) ?? [];
      if (!current.includes(l)) listeners.set(name, [...current, l]);
      return () => void listeners.set(name, (listeners.get(name) ?? []).filter((x) => x !== l));
    },
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) {
        try {
          (listener as Listener<typeof name>)(payload);
        } catch (err) {
          log.error({ err, event: name }, 'event listener failed');
        }
      }
    },
    listening: (name) => (listeners.get(name)?.length ?? 0) > 0,
  };
}

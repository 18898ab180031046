import { Cron } from 'croner';
import type { Logger } from 'pino';
import { isoTime, type Context, type EntityState, type EventBus } from '../kernel/index.js';
import type { Clock } from './clock.js';
import { inRange, matches, toNumber, valueOf } from './conditions.js';
import { WEEKDAYS, type Trigger } from './definition.js';
import type { TriggerData } from './template.js';
import { topicMatches } from '../mqtt/topics.js';
import { foreignZone } from '../local-zone.js';
import { nextSunEvent, type Location } from './time.js';

/** A `for:` timer that is running, kept so it survives a restart. */
export interface PendingFor {
  deadline: number;
  data: TriggerData;
}

/** Where pending `for:` timers are kept; absent for waits and simulations that need no persistence. */
export interface ForTimerStore {
  save(key: string, pending: PendingFor): void;
  remove(key: string): void;
  take(key: string): PendingFor | undefined;
}

export interface TriggerEnv {
  bus: EventBus;
  getState(entityId: string): EntityState | undefined;
  clock: Clock;
  log: Logger;
  location?: Location;
  forTimers?: ForTimerStore;
  /** Asks the MQTT bridge for a topic filter's messages; absent without `mqtt:`. */
  subscribeMqtt?: (filter: string) => () => void;
}

export type Fire = (data: TriggerData, context?: Context) => void;
export type Detach = () => void;

/** Starts listening for one trigger; the returned function stops it and cancels its timers. */
export function attachTrigger(trigger: Trigger, index: number, env: TriggerEnv, fire: Fire): Detach {
  const base = { id: trigger.id ?? String(index), index, type: trigger.type };
  switch (trigger.type) {
    case 'state':
    case 'numeric_state':
      return attachEntityTrigger(trigger, base, env, fire);
    case 'time':
      return attachSchedule(env, (after) => cronNext(timeCron(trigger.at, trigger.weekdays), after, env.location), (at) => fire({ ...base, at: isoTime(at) }));
    case 'cron': {
      return attachSchedule(env, (after) => cronNext([trigger.expression], after, env.location), (at) => fire({ ...base, at: isoTime(at) }));
    }
    case 'sun': {
      const location = env.location;
      if (!location) {
        env.log.warn('a sun trigger needs `location:` in the config; it will never fire');
        return () => {};
      }
      return attachSchedule(env, (after) => nextSunEvent(trigger.event, after, location, trigger.offset), (at) => fire({ ...base, event: trigger.event, at: isoTime(at) }));
    }
    case 'event':
      return env.bus.on('event', (e) => {
        if (e.type !== trigger.event) return;
        if (trigger.data && !Object.entries(trigger.data).every(([k, v]) => JSON.stringify(e.data[k]) === JSON.stringify(v))) return;
        fire({ ...base, event: e.type, data: e.data, origin: e.origin }, e.context);
      });
    case 'schedule':
      return env.bus.on('state_changed', ({ entityId, oldState, newState }) => {
        if (entityId !== trigger.entity || !newState || (oldState?.state !== 'on' && oldState?.state !== 'off')) return;
        const value = newState.attributes.value;
        // A block starts when the state turns on, or when the next block follows straight on with another value.
        const to = newState.state === 'on' && (oldState.state === 'off' || oldState.attributes.value !== value) ? 'on' : newState.state === 'off' && oldState.state === 'on' ? 'off' : undefined;
        if (to === undefined || (trigger.to !== undefined && trigger.to !== to)) return;
        fire({ ...base, entity: entityId, from: oldState.state, to, value: value ?? null, at: newState.lastUpdated }, newState.context);
      });
    case 'mqtt': {
      const unsubscribe = env.subscribeMqtt?.(trigger.topic);
      const off = env.bus.on('mqtt_message', (m) => {
        if (!topicMatches(trigger.topic, m.topic)) return;
        if (trigger.payload !== undefined && trigger.payload !== m.payload) return;
        fire({ ...base, topic: m.topic, payload: m.payload });
      });
      return () => {
        off();
        unsubscribe?.();
      };
    }
  }
}

type EntityTrigger = Extract<Trigger, { type: 'state' | 'numeric_state' }>;

function attachEntityTrigger(trigger: EntityTrigger, base: TriggerData, env: TriggerEnv, fire: Fire): Detach {
  const entities = Array.isArray(trigger.entity) ? trigger.entity : [trigger.entity];
  const timers = new Map<string, { cancel: () => void; holds: (value: unknown) => boolean }>();
  const keyOf = (entity: string) => `${String(base.index)}:${entity}`;

  const cancel = (entity: string) => {
    timers.get(entity)?.cancel();
    timers.delete(entity);
    env.forTimers?.remove(keyOf(entity));
  };
  const arm = (entity: string, pending: PendingFor, holds: (value: unknown) => boolean, context?: Context) => {
    const stop = env.clock.at(pending.deadline, () => {
      timers.delete(entity);
      env.forTimers?.remove(keyOf(entity));
      fire(pending.data, context);
    });
    timers.set(entity, { cancel: stop, holds });
  };

  const holdsFor = (matched: unknown) =>
    trigger.type === 'state' ? (v: unknown) => v === matched : (v: unknown) => inRange(toNumber(v), trigger.above, trigger.below);

  for (const entity of entities) {
    const restored = env.forTimers?.take(keyOf(entity));
    if (!restored) continue;
    const current = valueOf(env.getState(entity), trigger.attribute);
    const holds = holdsFor(restored.data.to);
    // Unknown right after a restart (its plugin has not reported yet) keeps the timer; a contrary reading cancels it.
    if (trigger.for === undefined || (current !== null && current !== undefined && !holds(current))) {
      env.forTimers?.remove(keyOf(entity));
      continue;
    }
    if (restored.deadline < env.clock.now()) env.log.info({ entity, dueAt: isoTime(restored.deadline) }, 'a `for:` timer fell due while the hub was down; firing late');
    env.forTimers?.save(keyOf(entity), restored);
    arm(entity, restored, holds);
  }

  const off = env.bus.on('state_changed', ({ entityId, oldState, newState }) => {
    if (!newState || !entities.includes(entityId)) return;
    const from = valueOf(oldState, trigger.attribute);
    const to = valueOf(newState, trigger.attribute);
    const pending = timers.get(entityId);
    if (pending && !pending.holds(to)) cancel(entityId);
    if (from === to) return;
    const hit =
      trigger.type === 'state'
        ? matches(from, trigger.from) && matches(to, trigger.to) && (trigger.from !== undefined || oldState !== null)
        : !inRange(toNumber(from), trigger.above, trigger.below) && toNumber(from) !== undefined && inRange(toNumber(to), trigger.above, trigger.below);
    if (!hit) return;
    const data: TriggerData = { ...base, entity: entityId, attribute: trigger.attribute, from: from ?? null, to: to ?? null, at: newState.lastUpdated };
    if (trigger.for === undefined) return fire(data, newState.context);
    if (timers.has(entityId)) return;
    const next: PendingFor = { deadline: env.clock.now() + trigger.for, data };
    env.forTimers?.save(keyOf(entityId), next);
    arm(entityId, next, holdsFor(to), newState.context);
  });

  return () => {
    off();
    for (const t of timers.values()) t.cancel();
    timers.clear();
  };
}

/** Re-arms itself after each firing at the next instant `next` gives. */
function attachSchedule(env: TriggerEnv, next: (afterMs: number) => number | undefined, fire: (atMs: number) => void): Detach {
  let cancel: (() => void) | undefined;
  const arm = (after: number) => {
    const at = next(after);
    if (at === undefined) return;
    cancel = env.clock.at(at, () => {
      arm(at);
      fire(at);
    });
  };
  arm(env.clock.now());
  return () => cancel?.();
}

function timeCron(at: string | string[], weekdays?: readonly string[]): string[] {
  const days = weekdays ? weekdays.map((d) => WEEKDAYS.indexOf(d as (typeof WEEKDAYS)[number])).join(',') : '*';
  return (Array.isArray(at) ? at : [at]).map((t) => {
    const [h, m, s] = t.split(':').map(Number);
    return `${s ?? 0} ${m} ${h} * * ${days}`;
  });
}

function cronNext(expressions: string[], afterMs: number, location?: Location): number | undefined {
  const times = expressions
    .map((e) => new Cron(e, { paused: true, timezone: foreignZone(location?.timezone) }).nextRun(new Date(afterMs))?.getTime())
    .filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

/** MQTT topic filter matching with `+` and `#` wildcards. */

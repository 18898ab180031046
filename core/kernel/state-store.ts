import { ValidationError } from '../errors.js';
import { createContext, currentContext, type Context } from './context.js';
import { isValidState, type StateValue } from './domains.js';
import type { Attributes, EntityInfo, EntityState } from './entity.js';
import type { EventBus } from './events.js';
import { isoTime } from './iso-time.js';

export interface StatePatch {
  state?: StateValue | null;
  /** Merged into the current attributes; a key set to `undefined` is removed. */
  attributes?: Record<string, unknown>;
  available?: boolean;
}

export interface StateStore {
  get(id: string): EntityState | undefined;
  all(): EntityState[];
  /** Creates the initial (unknown) state of a newly registered entity. */
  init(info: EntityInfo, attributes?: Attributes): EntityState;
  /** Applies a patch; emits `state_changed` only when something actually changed. */
  update(id: string, patch: StatePatch, context?: Context): EntityState;
  delete(id: string): void;
}

export function createStateStore(bus: EventBus, now: () => number = Date.now): StateStore {
  const states = new Map<string, EntityState>();

  function replace(oldState: EntityState | null, newState: EntityState): EntityState {
    states.set(newState.id, newState);
    bus.emit('state_changed', { entityId: newState.id, oldState, newState });
    return newState;
  }

  return {
    get: (id) => states.get(id),
    all: () => [...states.values()],
    init(info, attributes = {}) {
      const at = isoTime(now());
      return replace(
        null,
        Object.freeze({
          id: info.id,
          domain: info.domain,
          name: info.name,
          area: info.area,
          state: null,
          attributes: Object.freeze(compact(attributes)),
          available: true,
          lastChanged: at,
          lastUpdated: at,
          context: createContext(),
        }),
      );
    },
    update(id, patch, context) {
      const old = states.get(id);
      if (!old) throw new ValidationError(`entity '${id}' has no state to update`);
      const attributes = patch.attributes ? compact({ ...old.attributes, ...patch.attributes }) : old.attributes;
      if (patch.state !== undefined && !isValidState(old.domain, patch.state, attributes)) {
        throw new ValidationError(`invalid state ${JSON.stringify(patch.state)} for ${old.domain} '${id}'`);
      }
      const state = patch.state === undefined ? old.state : patch.state;
      const available = patch.available ?? old.available;
      const stateChanged = state !== old.state;
      const attributesChanged = !sameAttributes(old.attributes, attributes);
      if (!stateChanged && !attributesChanged && available === old.available) return old;
      const at = isoTime(now());
      return replace(
        old,
        Object.freeze({
          ...old,
          state,
          attributes: attributesChanged ? Object.freeze(attributes) : old.attributes,
          available,
          lastChanged: stateChanged ? at : old.lastChanged,
          lastUpdated: stateChanged || attributesChanged ? at : old.lastUpdated,
          context: context ?? currentContext() ?? createContext(),
        }),
      );
    },
    delete(id) {
      const old = states.get(id);
      if (!old) return;
      states.delete(id);
      bus.emit('state_changed', { entityId: id, oldState: old, newState: null });
    },
  };
}

function compact(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined));
}

function sameAttributes(a: Attributes, b: Attributes): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

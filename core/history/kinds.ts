import { domainOf, type EntityState } from '../kernel/index.js';
import { seriesOf } from './climate.js';

export type EntityKind = 'numeric' | 'onoff' | 'text';
export type StoredState = string | number | null;

/**
 * How an entity's state is stored: numbers as REAL, on/off as 1/0, anything else by text
 * reference. A numeric entity's text state (an enum sensor's option) is kept by reference too.
 * A climate entity's derived series (climate.ts) are numeric or on/off.
 */
export function kindOf(entityId: string): EntityKind {
  const series = seriesOf(entityId);
  if (series) return series === 'heating' ? 'onoff' : 'numeric';
  switch (domainOf(entityId)) {
    case 'sensor':
    case 'number':
      return 'numeric';
    case 'binary_sensor':
    case 'switch':
    case 'light':
      return 'onoff';
    default:
      return 'text';
  }
}

/** The stored value of a state: unavailable counts as unknown (null). */
export function storedState(state: EntityState): StoredState {
  return state.available ? state.state : null;
}

/** Whether a state is stored by text reference. */
export function storesText(kind: EntityKind, state: StoredState): state is string {
  return kind !== 'onoff' && typeof state === 'string';
}

export function encodeValue(kind: EntityKind, state: StoredState): number | null {
  if (state === null) return null;
  if (kind === 'numeric') return typeof state === 'number' ? state : null;
  if (kind === 'onoff') return state === 'on' ? 1 : 0;
  return null;
}

export function decodeValue(kind: EntityKind, value: number | null, text: string | null): StoredState {
  if (kind === 'text') return text;
  if (value === null) return kind === 'numeric' ? text : null;
  if (kind === 'onoff') return value === 1 ? 'on' : 'off';
  return value;
}

import type { EntityState } from '../kernel/index.js';
import type { Condition, StateValueMatch } from './definition.js';
import { clockSeconds, localTime, sunEventOn, type Location } from './time.js';

export interface ConditionEnv {
  getState(entityId: string): EntityState | undefined;
  now: number;
  location?: Location;
}

/** The value a trigger or condition looks at: the state, or one attribute of it. */
export function valueOf(state: EntityState | null | undefined, attribute?: string): unknown {
  if (!state) return undefined;
  return attribute ? state.attributes[attribute] : state.state;
}

export function matches(value: unknown, expected: StateValueMatch | undefined): boolean {
  if (expected === undefined) return true;
  const list = Array.isArray(expected) ? expected : [expected];
  return list.some((e) => e === value || (e !== null && value !== null && value !== undefined && String(e) === String(value)));
}

export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function inRange(value: number | undefined, above?: number, below?: number): boolean {
  return value !== undefined && (above === undefined || value > above) && (below === undefined || value < below);
}

/** Pure: a condition against a snapshot of states and a time. */
export function evaluate(condition: Condition, env: ConditionEnv): boolean {
  switch (condition.type) {
    case 'and':
      return condition.conditions.every((c) => evaluate(c, env));
    case 'or':
      return condition.conditions.some((c) => evaluate(c, env));
    case 'not':
      return !condition.conditions.some((c) => evaluate(c, env));
    case 'state': {
      const state = env.getState(condition.entity);
      if (!matches(valueOf(state, condition.attribute), condition.state)) return false;
      return condition.for === undefined || (state !== undefined && env.now - Date.parse(state.lastChanged) >= condition.for);
    }
    case 'numeric_state':
      return inRange(toNumber(valueOf(env.getState(condition.entity), condition.attribute)), condition.above, condition.below);
    case 'time':
      return timeCondition(condition, env);
    case 'sun':
      return sunCondition(condition, env);
    case 'schedule': {
      const state = env.getState(condition.entity);
      if (state?.state !== (condition.state ?? 'on')) return false;
      return condition.value === undefined || matches(state.attributes.value, condition.value);
    }
  }
}

function timeCondition(c: Extract<Condition, { type: 'time' }>, env: ConditionEnv): boolean {
  const { weekday, seconds } = localTime(env.now, env.location?.timezone);
  if (c.weekdays && !c.weekdays.includes(weekday)) return false;
  const after = c.after === undefined ? undefined : clockSeconds(c.after);
  const before = c.before === undefined ? undefined : clockSeconds(c.before);
  if (after !== undefined && before !== undefined && after > before) return seconds >= after || seconds < before; // spans midnight
  return (after === undefined || seconds >= after) && (before === undefined || seconds < before);
}

function sunCondition(c: Extract<Condition, { type: 'sun' }>, env: ConditionEnv): boolean {
  if (!env.location) return false;
  const after = c.after && sunEventOn(c.after, env.now, env.location, c.afterOffset);
  const before = c.before && sunEventOn(c.before, env.now, env.location, c.beforeOffset);
  if (c.after && after === undefined) return false;
  if (c.before && before === undefined) return false;
  return (after === undefined || env.now >= after) && (before === undefined || env.now < before);
}

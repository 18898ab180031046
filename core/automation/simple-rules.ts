/**
 * The dashboard's simple editor: "when <sensor> <op> <value>, set <equipment> to <state>"
 * maps onto a numeric_state/state trigger and one command, and back. Pure.
 */
import type { AutomationInput, Trigger } from './definition.js';

export const OPERATORS = ['>', '<', '>=', '<=', '==', '!='] as const;
export type Operator = (typeof OPERATORS)[number];

export const TARGET_STATES = { on: 'turn_on', off: 'turn_off', open: 'open', closed: 'close' } as const;
export type TargetState = keyof typeof TARGET_STATES;

export interface SimpleRule {
  id: string;
  name?: string;
  sensor: string;
  op: Operator;
  value: number | string;
  target: string;
  state: TargetState;
}

export function ruleToAutomation(rule: SimpleRule): AutomationInput {
  return {
    id: rule.id,
    ...(rule.name && { name: rule.name }),
    triggers: [ruleTrigger(rule)],
    actions: [{ command: TARGET_STATES[rule.state], entity: rule.target }],
  };
}

function ruleTrigger({ sensor: entity, op, value }: SimpleRule): Record<string, unknown> {
  if (typeof value === 'string') {
    if (op === '==') return { type: 'state', entity, to: value };
    if (op === '!=') return { type: 'state', entity, from: value };
    throw new Error(`'${op}' needs a number, not '${value}'`);
  }
  switch (op) {
    case '>':
      return { type: 'numeric_state', entity, above: value };
    case '<':
      return { type: 'numeric_state', entity, below: value };
    // numeric_state bounds are strict; the neighbouring double makes them inclusive exactly.
    case '>=':
      return { type: 'numeric_state', entity, above: nextDown(value) };
    case '<=':
      return { type: 'numeric_state', entity, below: nextUp(value) };
    case '==':
      return { type: 'numeric_state', entity, above: nextDown(value), below: nextUp(value) };
    case '!=':
      return { type: 'state', entity, from: value };
  }
}

/** The simple rule an automation is, or undefined when it does more than a simple rule can say. */
export function automationToRule(input: { id: string; name?: string; triggers: readonly unknown[]; conditions?: readonly unknown[]; actions: readonly unknown[] }): SimpleRule | undefined {
  if (input.triggers.length !== 1 || input.actions.length !== 1 || (input.conditions?.length ?? 0) > 0) return undefined;
  const trigger = input.triggers[0] as Partial<Trigger> & Record<string, unknown>;
  const action = input.actions[0] as Record<string, unknown>;
  if (Object.keys(action).some((k) => k !== 'command' && k !== 'entity')) return undefined;
  const state = (Object.keys(TARGET_STATES) as TargetState[]).find((s) => TARGET_STATES[s] === action.command);
  if (!state || typeof action.entity !== 'string' || typeof trigger.entity !== 'string' || trigger.for !== undefined || trigger.attribute !== undefined) return undefined;
  const cond = condition(trigger);
  if (!cond) return undefined;
  if (cond.value === 0) cond.value = 0; // -0 from the neighbour of 0 reads back as 0
  return { id: input.id, ...(input.name && { name: input.name }), sensor: trigger.entity, ...cond, target: action.entity, state };
}

function condition(t: Record<string, unknown>): Pick<SimpleRule, 'op' | 'value'> | undefined {
  const keys = Object.keys(t).filter((k) => !['type', 'entity', 'id', 'alias'].includes(k)).sort().join(',');
  if (t.type === 'state') {
    if (keys === 'to' && isScalar(t.to)) return { op: '==', value: t.to };
    if (keys === 'from' && isScalar(t.from)) return { op: '!=', value: t.from };
    return undefined;
  }
  if (t.type !== 'numeric_state') return undefined;
  const { above, below } = t as { above?: number; below?: number };
  if (keys === 'above,below' && above !== undefined && below !== undefined && nextUp(above) === nextDown(below)) return { op: '==', value: nextUp(above) };
  if (keys === 'above' && above !== undefined) return isNeighbour(above, 'up') ? { op: '>=', value: nextUp(above) } : { op: '>', value: above };
  if (keys === 'below' && below !== undefined) return isNeighbour(below, 'down') ? { op: '<=', value: nextDown(below) } : { op: '<', value: below };
  return undefined;
}

/** True when `x` is the neighbour of a "round" number (at most 6 decimals) — what `>=`/`<=` produce. */
function isNeighbour(x: number, towards: 'up' | 'down'): boolean {
  const v = towards === 'up' ? nextUp(x) : nextDown(x);
  return v !== x && Number(v.toFixed(6)) === v && Number(x.toFixed(6)) !== x;
}

function isScalar(v: unknown): v is string | number {
  return typeof v === 'string' || typeof v === 'number';
}

const buffer = new DataView(new ArrayBuffer(8));

/** The next representable double above `x`. */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  buffer.setFloat64(0, x);
  const bits = buffer.getBigUint64(0);
  buffer.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return buffer.getFloat64(0);
}

export function nextDown(x: number): number {
  return -nextUp(-x);
}

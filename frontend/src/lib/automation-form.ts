import type { Action, AutomationDefinition, Condition, Trigger } from '../api/types.js';
import { DAYS, type Day } from './schedule-grid.js';

/** The one-line rule: "when <sensor> is above/below <value>, <command> <entity>". */
export interface SimpleRule {
  name: string;
  sensor: string;
  operator: 'above' | 'below';
  value: number;
  entity: string;
  command: string;
  brightness?: number;
  /** Only on these days; absent (or all seven) means every day. */
  weekdays?: Day[];
}

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\w\s]/g, '')
      .trim()
      .replace(/\s+/g, '_')
      .replace(/_+/g, '_')
      .slice(0, 60) || 'automation'
  );
}

export function simpleRuleToDefinition(rule: SimpleRule): AutomationDefinition {
  const params = rule.brightness !== undefined && rule.command === 'turn_on' ? { brightness: rule.brightness } : undefined;
  return {
    id: slugify(rule.name),
    name: rule.name,
    mode: 'single',
    triggers: [{ type: 'numeric_state', entity: rule.sensor, [rule.operator]: rule.value }],
    conditions: rule.weekdays && rule.weekdays.length < DAYS.length ? [{ type: 'time', weekdays: rule.weekdays }] : [],
    actions: [{ command: rule.command, entity: rule.entity, ...(params && { params }) }],
  };
}

/** Problems a person can fix before saving; the server validates again. */
export function checkSimpleRule(rule: Partial<SimpleRule>): Partial<Record<keyof SimpleRule, string>> {
  const errors: Partial<Record<keyof SimpleRule, string>> = {};
  if (!rule.name?.trim()) errors.name = 'Give the rule a name';
  if (!rule.sensor) errors.sensor = 'Pick a sensor';
  if (rule.value === undefined || !Number.isFinite(rule.value)) errors.value = 'Enter a number';
  if (!rule.entity) errors.entity = 'Pick what to control';
  if (!rule.command) errors.command = 'Pick an action';
  if (rule.weekdays?.length === 0) errors.weekdays = 'Pick at least one day';
  return errors;
}

export const TRIGGER_TYPES = ['state', 'numeric_state', 'time', 'sun'] as const;
export const CONDITION_TYPES = ['state', 'numeric_state', 'time'] as const;
export const ACTION_KINDS = ['command', 'delay'] as const;

export function emptyTrigger(type: string): Trigger {
  switch (type) {
    case 'numeric_state':
      return { type, entity: '', above: 0 };
    case 'time':
      return { type, at: '07:00' };
    case 'sun':
      return { type, event: 'sunset', offset: '0m' };
    default:
      return { type: 'state', entity: '', to: 'on' };
  }
}

export function emptyCondition(type: string): Condition {
  switch (type) {
    case 'numeric_state':
      return { type, entity: '', below: 0 };
    case 'time':
      return { type, after: '22:00', before: '06:00' };
    default:
      return { type: 'state', entity: '', state: 'on' };
  }
}

export function emptyAction(kind: string): Action {
  return kind === 'delay' ? { delay: '30s' } : { command: 'turn_on', entity: '' };
}

/** Whether the form can show this item; anything else is edited in the YAML tab. */
export function formEditable(item: Trigger | Condition | Action, kind: 'trigger' | 'condition' | 'action'): boolean {
  if (kind === 'action') return 'command' in item || 'delay' in item;
  const list: readonly string[] = kind === 'trigger' ? TRIGGER_TYPES : CONDITION_TYPES;
  return typeof item.type === 'string' && list.includes(item.type);
}

/** A sentence for lists and trace timelines. */
export function describeTrigger(t: Trigger): string {
  const e = String(t.entity ?? '');
  switch (t.type) {
    case 'state':
      return `${e} changes${t.from !== undefined ? ` from ${String(t.from)}` : ''}${t.to !== undefined ? ` to ${String(t.to)}` : ''}${t.for ? ` for ${String(t.for)}` : ''}`;
    case 'numeric_state':
      return `${e}${t.above !== undefined ? ` rises above ${String(t.above)}` : ''}${t.above !== undefined && t.below !== undefined ? ' and' : ''}${t.below !== undefined ? ` falls below ${String(t.below)}` : ''}`;
    case 'time':
      return `at ${String(t.at)}`;
    case 'sun':
      return `at ${String(t.event ?? 'sunset')}${t.offset && t.offset !== '0m' ? ` ${String(t.offset)}` : ''}`;
    case 'cron':
      return `on schedule ${String(t.cron ?? t.expression ?? '')}`;
    default:
      return `${t.type} trigger`;
  }
}

export function describeAction(a: Action): string {
  if (typeof a.command === 'string') return `${a.command.replace(/_/g, ' ')} ${String(a.entity ?? '')}`.trim();
  if (a.delay !== undefined) return `wait ${String(a.delay)}`;
  if (a.wait_for_trigger !== undefined) return 'wait for a trigger';
  const key = Object.keys(a)[0];
  return key ? key.replace(/_/g, ' ') : 'action';
}

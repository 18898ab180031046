import type { Action, AutomationDefinition, Condition, Trigger } from '../api/types.js';
import { DAYS, type Day } from './schedule-grid.js';
import { msg, str } from './i18n.js';

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
  if (!rule.name?.trim()) errors.name = msg('Give the rule a name', { id: 'rule.err-name' });
  if (!rule.sensor) errors.sensor = msg('Pick a sensor', { id: 'rule.err-sensor' });
  if (rule.value === undefined || !Number.isFinite(rule.value)) errors.value = msg('Enter a number', { id: 'rule.err-value' });
  if (!rule.entity) errors.entity = msg('Pick what to control', { id: 'rule.err-entity' });
  if (!rule.command) errors.command = msg('Pick an action', { id: 'rule.err-command' });
  if (rule.weekdays?.length === 0) errors.weekdays = msg('Pick at least one day', { id: 'rule.err-weekdays' });
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
    case 'state': {
      const parts = [msg(str`${e} changes`, { id: 'trigger.changes' })];
      if (t.from !== undefined) parts.push(msg(str`from ${String(t.from)}`, { id: 'trigger.from' }));
      if (t.to !== undefined) parts.push(msg(str`to ${String(t.to)}`, { id: 'trigger.to' }));
      if (t.for) parts.push(msg(str`for ${String(t.for)}`, { id: 'trigger.for' }));
      return parts.join(' ');
    }
    case 'numeric_state': {
      const above = t.above !== undefined ? msg(str`rises above ${String(t.above)}`, { id: 'trigger.above' }) : undefined;
      const below = t.below !== undefined ? msg(str`falls below ${String(t.below)}`, { id: 'trigger.below' }) : undefined;
      return [e, above, above && below ? msg('and', { id: 'trigger.and' }) : undefined, below].filter(Boolean).join(' ');
    }
    case 'time':
      return msg(str`at ${String(t.at)}`, { id: 'trigger.at' });
    case 'sun': {
      const offset = t.offset && t.offset !== '0m' ? ` ${String(t.offset)}` : '';
      const event = t.event === 'sunrise' ? msg('at sunrise', { id: 'trigger.sunrise' }) : t.event === undefined || t.event === 'sunset' ? msg('at sunset', { id: 'trigger.sunset' }) : msg(str`at ${String(t.event)}`, { id: 'trigger.at-event' });
      return `${event}${offset}`;
    }
    case 'cron':
      return msg(str`on schedule ${String(t.cron ?? t.expression ?? '')}`, { id: 'trigger.cron' });
    default:
      return msg(str`${t.type} trigger`, { id: 'trigger.other' });
  }
}

export function describeAction(a: Action): string {
  if (typeof a.command === 'string') return `${a.command.replace(/_/g, ' ')} ${String(a.entity ?? '')}`.trim();
  if (a.delay !== undefined) return msg(str`wait ${String(a.delay)}`, { id: 'action.wait' });
  if (a.wait_for_trigger !== undefined) return msg('wait for a trigger', { id: 'action.wait-trigger' });
  const key = Object.keys(a)[0];
  return key ? key.replace(/_/g, ' ') : 'action';
}

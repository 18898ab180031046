/** The automation schema of DESIGN §7, shared by the YAML file and the API. */
import { z } from 'zod';
import { commandSchema, domainOf, ENTITY_ID_PATTERN, unknownCommandMessage } from '../kernel/index.js';
import { alertRaiseSchema, SEVERITIES, type Severity } from '../alerts/types.js';
import { durationSchema } from './duration.js';
import { FOLLOW_DOMAINS } from './follow.js';
import { byKey, byType } from './keyed.js';

const entityId = z.string().regex(ENTITY_ID_PATTERN, 'expected an entity id like light.hall');
/** An entity id, or a `{{ trigger.entity }}` template in actions. */
const entityOrTemplate = z.string().refine((s) => ENTITY_ID_PATTERN.test(s) || /^\{\{\s*trigger\.[a-z_.]+\s*\}\}$/i.test(s), 'expected an entity id like light.hall or {{ trigger.entity }}');
const stateValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const stateMatch = z.union([stateValue, z.array(stateValue)]);
const clockTime = z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'expected a time of day like 07:30 or 22:15:00');
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const weekdays = z.array(z.enum(WEEKDAYS)).min(1);
const sunEvent = z.enum(['sunrise', 'sunset']);
const id = z.string().regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _');
const scheduleEntity = z.string().regex(/^schedule\.[a-z0-9_]+$/, 'expected a schedule entity like schedule.bedroom');
const followTarget = z.string().regex(new RegExp(`^(${FOLLOW_DOMAINS.join('|')})\\.[a-z0-9_]+$`), `expected a ${FOLLOW_DOMAINS.join(', ')} entity like climate.bedroom`);
const onOff = z.enum(['on', 'off']);

const common = { id: z.string().optional(), alias: z.string().optional() };

const triggerSchemas = {
  state: z.strictObject({ type: z.literal('state'), ...common, entity: z.union([entityId, z.array(entityId).min(1)]), attribute: z.string().optional(), from: stateMatch.optional(), to: stateMatch.optional(), for: durationSchema().optional() }),
  numeric_state: z
    .strictObject({ type: z.literal('numeric_state'), ...common, entity: z.union([entityId, z.array(entityId).min(1)]), attribute: z.string().optional(), above: z.number().optional(), below: z.number().optional(), for: durationSchema().optional() })
    .refine((t) => t.above !== undefined || t.below !== undefined, 'give above, below or both'),
  time: z.strictObject({ type: z.literal('time'), ...common, at: z.union([clockTime, z.array(clockTime).min(1)]), weekdays: weekdays.optional() }),
  cron: z.strictObject({ type: z.literal('cron'), ...common, expression: z.string().min(1) }),
  sun: z.strictObject({ type: z.literal('sun'), ...common, event: sunEvent, offset: durationSchema(true).optional() }),
  event: z.strictObject({ type: z.literal('event'), ...common, event: z.string().min(1), data: z.record(z.string(), z.unknown()).optional() }),
  mqtt: z.strictObject({ type: z.literal('mqtt'), ...common, topic: z.string().min(1), payload: z.string().optional() }),
  /** A block of the schedule starts (`on`, also when the next block follows with another value) or ends (`off`). */
  schedule: z.strictObject({ type: z.literal('schedule'), ...common, entity: scheduleEntity, to: onOff.optional() }),
};

type Out<T extends z.ZodType> = z.output<T>;
export type StateTrigger = Out<(typeof triggerSchemas)['state']>;
export type NumericStateTrigger = Out<(typeof triggerSchemas)['numeric_state']>;
export type TimeTrigger = Out<(typeof triggerSchemas)['time']>;
export type CronTrigger = Out<(typeof triggerSchemas)['cron']>;
export type SunTrigger = Out<(typeof triggerSchemas)['sun']>;
export type EventTrigger = Out<(typeof triggerSchemas)['event']>;
export type MqttTrigger = Out<(typeof triggerSchemas)['mqtt']>;
export type ScheduleTrigger = Out<(typeof triggerSchemas)['schedule']>;
export type Trigger = StateTrigger | NumericStateTrigger | TimeTrigger | CronTrigger | SunTrigger | EventTrigger | MqttTrigger | ScheduleTrigger;
export type StateValueMatch = z.output<typeof stateMatch>;

export const triggerSchema = byType<Trigger>('a trigger', triggerSchemas);

export type Condition =
  | { type: 'state'; entity: string; attribute?: string; state: StateValueMatch; for?: number; alias?: string }
  | { type: 'numeric_state'; entity: string; attribute?: string; above?: number; below?: number; alias?: string }
  | { type: 'time'; after?: string; before?: string; weekdays?: (typeof WEEKDAYS)[number][]; alias?: string }
  | { type: 'sun'; after?: 'sunrise' | 'sunset'; before?: 'sunrise' | 'sunset'; afterOffset?: number; beforeOffset?: number; alias?: string }
  | { type: 'schedule'; entity: string; state?: 'on' | 'off'; value?: string | number; alias?: string }
  | { type: 'and' | 'or' | 'not'; conditions: Condition[]; alias?: string };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  byType<Condition>('a condition', {
    state: z.strictObject({ type: z.literal('state'), alias: z.string().optional(), entity: entityId, attribute: z.string().optional(), state: stateMatch, for: durationSchema().optional() }),
    numeric_state: z
      .strictObject({ type: z.literal('numeric_state'), alias: z.string().optional(), entity: entityId, attribute: z.string().optional(), above: z.number().optional(), below: z.number().optional() })
      .refine((c) => c.above !== undefined || c.below !== undefined, 'give above, below or both'),
    time: z
      .strictObject({ type: z.literal('time'), alias: z.string().optional(), after: clockTime.optional(), before: clockTime.optional(), weekdays: weekdays.optional() })
      .refine((c) => c.after ?? c.before ?? c.weekdays, 'give after, before or weekdays'),
    sun: z
      .strictObject({ type: z.literal('sun'), alias: z.string().optional(), after: sunEvent.optional(), before: sunEvent.optional(), afterOffset: durationSchema(true).optional(), beforeOffset: durationSchema(true).optional() })
      .refine((c) => c.after ?? c.before, 'give after, before or both'),
    schedule: z
      .strictObject({ type: z.literal('schedule'), alias: z.string().optional(), entity: scheduleEntity, state: onOff.optional(), value: z.union([z.string().min(1), z.number()]).optional() })
      .refine((c) => c.state !== 'off' || c.value === undefined, { path: ['value'], message: 'a value is only held inside a block: leave it out or use state: on' }),
    and: group('and'),
    or: group('or'),
    not: group('not'),
  }),
);

function group<T extends 'and' | 'or' | 'not'>(type: T) {
  return z.strictObject({ type: z.literal(type), alias: z.string().optional(), conditions: z.array(conditionSchema).min(1) });
}

export type Action =
  | { command: string; entity: string; params?: Record<string, unknown>; alias?: string }
  | { delay: number; alias?: string }
  | { wait_for_trigger: Trigger[]; timeout?: number; continue_on_timeout: boolean; alias?: string }
  | { condition: Condition; alias?: string }
  | { choose: { conditions: Condition[]; actions: Action[] }[]; default?: Action[]; alias?: string }
  | { repeat: { count?: number; while?: Condition[]; until?: Condition[]; actions: Action[] }; alias?: string }
  | { parallel: Action[]; alias?: string }
  | { stop: string; error: boolean; alias?: string }
  | { log: string; level: 'info' | 'warn' | 'error'; alias?: string }
  | { follow: string; entity: string; alias?: string }
  | { alert: AlertAction; alias?: string }
  | { notify: NotifyAction; alias?: string };

/** `notify:` sends a notification (docs/automations.md#notify); every text may hold trigger templates. */
export interface NotifyAction {
  /** Channel ids, `dashboard` or `user:<name>`; absent = the default channels. */
  channels?: string[];
  title: string;
  message: string;
  severity: Severity;
  url?: string;
}

/** `alert:` raises an alert (docs/automations.md#alerts); title, message and entity may hold trigger templates. */
export interface AlertAction {
  severity: Severity;
  title: string;
  message?: string;
  entity?: string;
  notify?: string[];
  repeatEveryS?: number;
}

const actionList: z.ZodType<Action[]> = z.lazy(() => z.array(actionSchema).min(1));
const alias = z.string().optional();

export const actionSchema: z.ZodType<Action> = z.lazy(() =>
  byKey<Action>('an action', {
    command: z.strictObject({ command: z.string().min(1), entity: entityOrTemplate, params: z.record(z.string(), z.unknown()).optional(), alias }).superRefine(checkCommand),
    delay: z.strictObject({ delay: durationSchema(), alias }),
    wait_for_trigger: z.strictObject({
      wait_for_trigger: z.union([triggerSchema, z.array(triggerSchema).min(1)]).transform((t) => (Array.isArray(t) ? t : [t])),
      timeout: durationSchema().optional(),
      continue_on_timeout: z.boolean().default(true),
      alias,
    }),
    condition: z.strictObject({ condition: conditionSchema, alias }),
    choose: z.strictObject({ choose: z.array(z.strictObject({ conditions: z.array(conditionSchema).min(1), actions: actionList })).min(1), default: actionList.optional(), alias }),
    repeat: z.strictObject({
      repeat: z
        .strictObject({ count: z.number().int().min(0).max(10_000).optional(), while: z.array(conditionSchema).min(1).optional(), until: z.array(conditionSchema).min(1).optional(), actions: actionList })
        .refine((r) => [r.count, r.while, r.until].filter((x) => x !== undefined).length === 1, 'give exactly one of count, while, until'),
      alias,
    }),
    parallel: z.strictObject({ parallel: actionList, alias }),
    stop: z.strictObject({ stop: z.string(), error: z.boolean().default(false), alias }),
    log: z.strictObject({ log: z.string(), level: z.enum(['info', 'warn', 'error']).default('info'), alias }),
    /** Puts the entity in the schedule's current state (docs/automations.md#schedules). */
    follow: z.strictObject({ follow: scheduleEntity, entity: followTarget, alias }),
    alert: z.strictObject({
      alert: z.strictObject({
        severity: z.enum(SEVERITIES).default('warning'),
        title: z.string().min(1),
        message: z.string().optional(),
        entity: entityOrTemplate.optional(),
        notify: alertRaiseSchema.shape.notify,
        repeatEveryS: alertRaiseSchema.shape.repeatEveryS,
      }),
      alias,
    }),
    notify: z.strictObject({
      notify: z.strictObject({
        channels: z.array(z.string().min(1)).min(1).optional(),
        title: z.string().min(1),
        message: z.string(),
        severity: z.enum(SEVERITIES).default('info'),
        url: z.string().optional(),
      }),
      alias,
    }),
  }),
);

/**
 * A command on a named entity is checked against its domain when the automation is
 * saved, not when it first runs; one whose entity or params come from trigger
 * templates is checked by the dispatcher once they are filled in.
 */
function checkCommand(action: { command: string; entity: string; params?: Record<string, unknown> | undefined }, ctx: z.RefinementCtx): void {
  if (!ENTITY_ID_PATTERN.test(action.entity)) return;
  const domain = domainOf(action.entity);
  const schema = commandSchema(domain, action.command);
  if (!schema) return void ctx.addIssue({ code: 'custom', path: ['command'], message: unknownCommandMessage(domain, action.command) });
  if (JSON.stringify(action.params ?? {}).includes('{{')) return;
  const parsed = schema.safeParse(action.params ?? {});
  for (const issue of parsed.error?.issues ?? []) ctx.addIssue({ code: 'custom', path: ['params', ...issue.path.filter((k) => typeof k !== 'symbol')], message: issue.message });
}

export const MODES = ['single', 'restart', 'queued', 'parallel'] as const;
export type Mode = (typeof MODES)[number];

export const automationSchema = z
  .strictObject({
    id,
    name: z.string().optional(),
    description: z.string().optional(),
    enabled: z.boolean().default(true),
    mode: z.enum(MODES).default('single'),
    /** Most queued or concurrent runs (queued/parallel modes). */
    max: z.number().int().min(1).max(1000).default(10),
    triggers: z.array(triggerSchema).min(1),
    conditions: z.array(conditionSchema).default([]),
    actions: actionList,
  });

export type AutomationDefinition = z.output<typeof automationSchema>;
/** What a user writes (YAML or JSON): durations as text, defaults omitted. */
export type AutomationInput = z.input<typeof automationSchema>;

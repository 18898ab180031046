/**
 * What "follow a schedule" means for each kind of device: inside a block the device
 * is on, taking the block's value where the domain has a use for it; outside a block
 * it is off. The one place both the `follow` action and the dashboard's follow
 * (core/schedules/follows.ts) turn a schedule's state into a command.
 */
import { domainOf, type Context, type EntityState } from '../kernel/index.js';
import type { AutomationDefinition } from './definition.js';
import type { TriggerData } from './template.js';

export const FOLLOW_DOMAINS = ['switch', 'light', 'cover', 'climate'] as const;
export type FollowDomain = (typeof FOLLOW_DOMAINS)[number];

export interface FollowCommand {
  command: string;
  params: Record<string, unknown>;
}

export function isFollowDomain(domain: string): domain is FollowDomain {
  return (FOLLOW_DOMAINS as readonly string[]).includes(domain);
}

export function followCommand(domain: FollowDomain, on: boolean, value: unknown): FollowCommand {
  const number = typeof value === 'number' ? value : undefined;
  const name = typeof value === 'string' ? value : undefined;
  switch (domain) {
    case 'switch':
      return { command: on ? 'turn_on' : 'turn_off', params: {} };
    case 'light':
      return on ? { command: 'turn_on', params: number === undefined ? {} : { brightness: number } } : { command: 'turn_off', params: {} };
    case 'cover':
      return on ? (number === undefined ? { command: 'open', params: {} } : { command: 'set_position', params: { position: number } }) : { command: 'close', params: {} };
    case 'climate':
      if (!on) return { command: 'turn_off', params: {} };
      if (number !== undefined) return { command: 'set_temperature', params: { temperature: number } };
      if (name !== undefined) return { command: 'set_preset', params: { preset: name } };
      return { command: 'turn_on', params: {} };
  }
}

export interface FollowEnv {
  getState(entityId: string): EntityState | undefined;
  dispatch(call: { entityId: string; command: string; params: Record<string, unknown>; context: Context }): Promise<unknown>;
}

/** The command sent and what the dispatcher answered (the state after it). */
export interface FollowResult extends FollowCommand {
  entityId: string;
  after: unknown;
}

/** Sends `entity` the command that puts it where `schedule` says it should be now. */
export async function applyFollow(env: FollowEnv, schedule: string, entity: string, context: Context): Promise<FollowResult> {
  const state = env.getState(schedule);
  if (state?.state !== 'on' && state?.state !== 'off') throw new Error(`${schedule} has no state (is the schedule defined?)`);
  const domain = domainOf(entity);
  if (!isFollowDomain(domain)) throw new Error(`${entity} cannot follow a schedule: only ${FOLLOW_DOMAINS.join(', ')} can`);
  const { command, params } = followCommand(domain, state.state === 'on', state.attributes.value);
  const after = await env.dispatch({ entityId: entity, command, params, context });
  return { entityId: entity, command, params, after };
}

/** Whether a schedule's change moves a follower: on/off or the block's value, not only `next`. */
export function followChanged(before: EntityState | null, after: EntityState | null): boolean {
  if (!after || (after.state !== 'on' && after.state !== 'off')) return false;
  return before?.state !== after.state || before.attributes.value !== after.attributes.value;
}

/** The schedules a list of actions follows, however deep (inside choose, repeat, parallel). */
export function followedSchedules(actions: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const follow = (node as Record<string, unknown>).follow;
      if (typeof follow === 'string') found.add(follow);
      Object.values(node).forEach(walk);
    }
  };
  walk(actions);
  return found;
}

/**
 * When an automation that follows a schedule (a `schedule` trigger and a `follow` of
 * that schedule) starts, it runs once as if the current block had just begun — or just
 * ended — so the device takes the schedule's state now, not at the next edge.
 */
export function catchUpTrigger(definition: Pick<AutomationDefinition, 'triggers' | 'actions'>, getState: FollowEnv['getState'], at: string): TriggerData | undefined {
  const followed = followedSchedules(definition.actions);
  for (const [index, trigger] of definition.triggers.entries()) {
    if (trigger.type !== 'schedule' || !followed.has(trigger.entity)) continue;
    const state = getState(trigger.entity);
    if (state?.state !== 'on' && state?.state !== 'off') continue;
    if (trigger.to !== undefined && trigger.to !== state.state) continue;
    return { id: trigger.id ?? String(index), index, type: 'schedule', entity: trigger.entity, from: null, to: state.state, value: state.attributes.value ?? null, at, catchUp: true };
  }
  return undefined;
}

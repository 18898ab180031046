/**
 * Devices that follow a schedule because someone chose it on the dashboard
 * (`PUT /api/entities/:id/follow`). Kept in SQLite; at start, when chosen and at every
 * change of the schedule the device is put where the schedule says it should be now,
 * through the same `applyFollow` as the automations' `follow` action.
 */
import type { Logger } from 'pino';
import { applyFollow, FOLLOW_DOMAINS, followChanged, isFollowDomain } from '../automation/follow.js';
import type { DatabaseHandle } from '../db/index.js';
import { errorMessage, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { childContext, mayCommand, type Context, type Kernel, type Role } from '../kernel/index.js';
import type { Service } from '../service.js';
import { createFollowStore } from './follow-store.js';

export interface FollowsDeps {
  kernel: Pick<Kernel, 'bus' | 'registry' | 'states' | 'dispatcher'>;
  database: DatabaseHandle;
  log: Logger;
  now?: () => number;
}

/** What `GET/PUT /api/entities/:id/follow` answer. */
export interface FollowInfo {
  entityId: string;
  /** `schedule.<id>`, or null when the device follows none. */
  schedule: string | null;
}

export interface Follows extends Service {
  get(entityId: string): FollowInfo;
  /**
   * Starts (puts the device in the schedule's state now) or ends following. 404 for an
   * unknown device, 400 for one that cannot follow or a schedule that does not exist,
   * 403 when `role` may not command the device. The choice is kept only when the device
   * took the command.
   */
  set(entityId: string, schedule: string | null, by: { context: Context; role: Role }): Promise<FollowInfo>;
}

export function createFollows(deps: FollowsDeps): Follows {
  const { kernel, log } = deps;
  const store = createFollowStore(deps.database, deps.now);
  /** entity → schedule */
  const follows = new Map<string, string>();
  let off: (() => void) | undefined;

  const env = {
    getState: (id: string) => kernel.states.get(id),
    dispatch: ({ entityId, command, params, context }: { entityId: string; command: string; params: Record<string, unknown>; context: Context }) =>
      kernel.dispatcher.dispatch({ entityId, command, params, context }),
  };

  /** Follows on the hub's behalf, caused by the schedule's state: a failure is logged, the others go on. */
  function follow(entityId: string, schedule: string): void {
    const state = kernel.states.get(schedule);
    if (!state || !kernel.registry.get(entityId)) return;
    applyFollow(env, schedule, entityId, childContext(state.context)).catch((err: unknown) =>
      log.warn({ entity: entityId, schedule, err: errorMessage(err) }, 'a device could not follow its schedule'),
    );
  }

  function check(entityId: string, schedule: string | null, role: Role): void {
    const info = kernel.registry.get(entityId);
    if (!info) throw new NotFoundError(`unknown entity '${entityId}'`);
    if (!isFollowDomain(info.domain)) throw new ValidationError(`${entityId} cannot follow a schedule: only ${FOLLOW_DOMAINS.join(', ')} devices can`);
    if (!mayCommand(role, info.allowedRoles)) throw new ForbiddenError(`'${entityId}' may only be commanded by ${info.allowedRoles!.join(', ')} (or a higher role)`);
    if (schedule !== null && kernel.registry.get(schedule)?.domain !== 'schedule') throw new ValidationError(`unknown schedule '${schedule}'`, [{ path: 'schedule', message: 'expected an existing schedule.<id>' }]);
  }

  return {
    name: 'follows',
    async start() {
      for (const { entityId, schedule } of store.list()) follows.set(entityId, schedule);
      off = kernel.bus.on('state_changed', ({ entityId, oldState, newState }) => {
        if (!entityId.startsWith('schedule.') || !followChanged(oldState, newState)) return;
        for (const [device, schedule] of follows) if (schedule === entityId) follow(device, schedule);
      });
      for (const [device, schedule] of follows) follow(device, schedule);
      log.info({ count: follows.size }, 'schedule follows started');
    },
    async stop() {
      off?.();
      off = undefined;
      follows.clear();
    },
    get(entityId) {
      if (!kernel.registry.get(entityId)) throw new NotFoundError(`unknown entity '${entityId}'`);
      return { entityId, schedule: follows.get(entityId) ?? null };
    },
    async set(entityId, schedule, { context, role }) {
      check(entityId, schedule, role);
      if (schedule === null) {
        store.remove(entityId);
        follows.delete(entityId);
      } else {
        await applyFollow(env, schedule, entityId, context);
        store.put(entityId, schedule);
        follows.set(entityId, schedule);
      }
      return { entityId, schedule };
    },
  };
}

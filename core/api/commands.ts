import { ForbiddenError } from '../errors.js';
import type { Context, EntityState, Kernel } from '../kernel/index.js';
import type { ApiUser } from './env.js';

export interface CommandCall {
  entityId: string;
  command: string;
  params: unknown;
  user: ApiUser;
  context: Context;
  address: string;
}

/**
 * One path for commands from HTTP and WebSocket: the entity's `allowedRoles` first
 * (a refusal is audited), then the dispatcher, which validates, runs the handler
 * and emits `command_executed` with the caller's address for the logbook.
 */
export async function runCommand(kernel: Kernel, call: CommandCall): Promise<EntityState> {
  const { entityId, command, params, user, context, address } = call;
  const info = kernel.registry.require(entityId);
  if (info.allowedRoles && !info.allowedRoles.includes(user.role)) {
    kernel.bus.emit('audit', {
      action: 'entity.command',
      outcome: 'denied',
      context,
      address,
      target: entityId,
      details: { command, role: user.role },
    });
    throw new ForbiddenError(`'${entityId}' may only be commanded by ${info.allowedRoles.join(', ')}; you are ${user.role}`);
  }
  return kernel.dispatcher.dispatch({ entityId, command, params, context, address });
}

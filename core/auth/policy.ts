import { ForbiddenError } from '../errors.js';
import type { Role } from '../kernel/index.js';

export { roleAtLeast } from '../kernel/index.js';

/**
 * Who may manage whom: an admin manages members and admins but never an owner, and
 * only an owner hands out the owner role. (Admin+ to reach these routes at all is
 * checked by the routes.)
 */
export function assertMayManage(actor: Role, target: Role | undefined, newRole?: Role): void {
  if (target === 'owner' && actor !== 'owner') throw new ForbiddenError('only an owner can change or remove an owner');
  if (newRole === 'owner' && actor !== 'owner') throw new ForbiddenError('only an owner can grant the owner role');
}

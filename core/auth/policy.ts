import { ForbiddenError } from '../errors.js';
import type { Role } from '../kernel/index.js';

const RANK: Record<Role, number> = { member: 1, admin: 2, owner: 3 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/**
 * Who may manage whom: an admin manages members and admins but never an owner, and
 * only an owner hands out the owner role. (Admin+ to reach these routes at all is
 * checked by the routes.)
 */
export function assertMayManage(actor: Role, target: Role | undefined, newRole?: Role): void {
  if (target === 'owner' && actor !== 'owner') throw new ForbiddenError('only an owner can change or remove an owner');
  if (newRole === 'owner' && actor !== 'owner') throw new ForbiddenError('only an owner can grant the owner role');
}

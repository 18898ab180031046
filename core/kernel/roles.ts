import type { Role } from './context-type.js';

/** Every role, lowest first. */
export const ROLES = ['member', 'admin', 'owner'] as const satisfies readonly Role[];

const RANK: Record<Role, number> = { member: 1, admin: 2, owner: 3 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/**
 * Whether a command acting with `role` may reach an entity restricted to `allowed`:
 * a listed role or any role above one (an owner passes `[admin]`). No list lets every
 * role in; no role is the hub itself and always passes.
 */
export function mayCommand(role: Role | undefined, allowed: readonly Role[] | undefined): boolean {
  if (!allowed || role === undefined) return true;
  return allowed.some((minimum) => roleAtLeast(role, minimum));
}

import type { MiddlewareHandler } from 'hono';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import type { Context } from '../kernel/index.js';
import type { Role } from '../kernel/index.js';

/** Who is calling, set by the auth middleware on every authenticated request. */
export interface ApiUser {
  id: string;
  username: string;
  role: Role;
}

/** Hono env shared by every route module. */
export interface ApiEnv {
  Variables: {
    user?: ApiUser;
    /** A context for commands issued by this request (`userId` set when signed in). */
    context: Context;
    /** The caller's address, for audit entries and rate limits. */
    address: string;
  };
}

const RANK: Record<Role, number> = { member: 1, admin: 2, owner: 3 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** 401 when nobody is signed in, 403 when the role is below `minimum`. */
export function requireRole(minimum: Role): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) throw new UnauthorizedError('sign in first');
    if (!roleAtLeast(user.role, minimum)) throw new ForbiddenError(`this needs the ${minimum} role or higher; you are ${user.role}`);
    await next();
  };
}

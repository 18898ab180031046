import type { MiddlewareHandler } from 'hono';
import { roleAtLeast } from '../auth/policy.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import type { Context, Role } from '../kernel/index.js';

export { roleAtLeast } from '../auth/policy.js';

/** Who is calling, set by the auth middleware on every authenticated request. */
export interface ApiUser {
  id: string;
  username: string;
  role: Role;
  /** Only when the user set one. */
  displayName?: string;
}

/** How the caller proved who they are (logout revokes `tokenId`; CSRF checks apply to cookies). */
export interface ApiCredential {
  tokenId: string;
  via: 'cookie' | 'bearer';
}

/** Hono env shared by every route module. */
export interface ApiEnv {
  Variables: {
    user?: ApiUser;
    credential?: ApiCredential;
    /** A context for commands issued by this request (`userId` and `role` set when signed in). */
    context: Context;
    /** The caller's address, for audit entries and rate limits. */
    address: string;
  };
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

/** The signed-in user of a route behind `requireRole`. */
export function currentUser(c: { get(key: 'user'): ApiUser | undefined }): ApiUser {
  const user = c.get('user');
  if (!user) throw new UnauthorizedError('sign in first');
  return user;
}

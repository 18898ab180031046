import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Auth } from '../../auth/index.js';
import { ForbiddenError, UnauthorizedError } from '../../errors.js';
import { createContext } from '../../kernel/index.js';
import type { ApiEnv, ApiUser } from '../env.js';

export const SESSION_COOKIE = 'hearth_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthenticateOptions {
  auth: Auth;
  /** Full paths (`/api/health`) reachable without signing in. */
  publicPaths: ReadonlySet<string>;
  addressOf: (c: Parameters<MiddlewareHandler>[0]) => string;
}

/**
 * Runs before every /api route: finds the caller from a Bearer token or the session
 * cookie, sets `user`, `credential`, `context` and `address`, and refuses anonymous
 * callers on everything but the public paths. Routes then only check roles.
 */
export function authenticate(options: AuthenticateOptions): MiddlewareHandler<ApiEnv> {
  const { auth, publicPaths, addressOf } = options;
  return async (c, next) => {
    c.set('address', addressOf(c));
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = bearer ? undefined : getCookie(c, SESSION_COOKIE);
    const secret = bearer ?? cookie;
    const found = secret ? auth.authenticate(secret) : undefined;
    const user: ApiUser | undefined = found && {
      id: found.user.id,
      username: found.user.username,
      role: found.user.role,
      ...(found.user.displayName !== undefined && { displayName: found.user.displayName }),
    };
    c.set('context', createContext(user ? { userId: user.id, role: user.role } : {}));
    if (found && user) {
      c.set('user', user);
      c.set('credential', { tokenId: found.tokenId, via: bearer ? 'bearer' : 'cookie' });
    }
    if (publicPaths.has(c.req.path)) return next();
    if (!user) throw new UnauthorizedError(header || cookie ? 'your session or token is invalid or expired; sign in again' : 'sign in first');
    if (!bearer && !SAFE_METHODS.has(c.req.method) && !isSameOrigin(c.req.raw.headers)) {
      throw new ForbiddenError('cross-site request refused: a state-changing request signed in by cookie must come from this site');
    }
    return next();
  };
}

/**
 * CSRF guard for cookie sessions (SameSite=Strict is the first line): browsers send
 * Origin on every non-GET request, so it must name this host; lacking it, Fetch
 * Metadata must say same-origin.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin) {
    try {
      return new URL(origin).host === headers.get('host');
    } catch {
      return false;
    }
  }
  return headers.get('sec-fetch-site') === 'same-origin';
}

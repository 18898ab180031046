import type { Context as HonoContext } from 'hono';
import { setCookie } from 'hono/cookie';
import type { Session } from '../auth/index.js';
import type { ApiEnv, ApiUser } from './env.js';
import { SESSION_COOKIE } from './middleware/authenticate.js';

/** The caller as the API shows it: the display name only when one is set. */
export function apiUser(user: ApiUser): ApiUser {
  const { id, username, role, displayName } = user;
  return { id, username, role, ...(displayName !== undefined && { displayName }) };
}

/**
 * Answers a new session (onboarding, sign-in, an accepted invitation): the token in the
 * body for scripts, and an HttpOnly SameSite=Strict cookie for the dashboard, Secure behind https.
 */
export function signIn(c: HonoContext<ApiEnv>, session: Session, ttlMs: number) {
  const https = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: https,
    path: '/',
    maxAge: Math.floor(ttlMs / 1000),
  });
  return { token: session.token, expiresAt: session.expiresAt, user: apiUser(session.user) };
}

/** The client's own label for the session list ("Firefox on Android"); absent for bare scripts. */
export const userAgent = (c: HonoContext<ApiEnv>): string | undefined => c.req.header('user-agent');

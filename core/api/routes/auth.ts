import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { z } from 'zod';
import { alarmCodeSchema, credentialsSchema, loginSchema, newTokenSchema, preferencesSchema, type Auth } from '../../auth/index.js';
import { UnauthorizedError } from '../../errors.js';
import type { EventBus } from '../../kernel/index.js';
import { audited } from '../audit.js';
import { currentUser, requireRole, type ApiEnv } from '../env.js';
import { SESSION_COOKIE } from '../middleware/authenticate.js';
import type { RouteModule } from '../route-module.js';
import { idParam, issuedTokenSchema, sessionSchema, tokenInfoSchema, userSchema } from '../schemas.js';
import { apiUser, signIn, userAgent } from '../session-cookie.js';
import { validate } from '../validate.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const alarmCodeStatusSchema = z.object({ code: z.boolean(), duress: z.boolean() });

/** Onboarding, sign-in and out, the caller's own account and API tokens. */
export function authRoutes(auth: Auth, bus: EventBus): RouteModule {
  const routes = new Hono<ApiEnv>();

  routes.get('/onboarding', (c) => c.json({ required: auth.needsOnboarding() }));

  routes.post('/onboarding', validate('json', credentialsSchema), async (c) => {
    const body = c.req.valid('json');
    const session = await audited(bus, c, { action: 'auth.onboarding', target: body.username }, () => auth.onboard(body, userAgent(c)));
    return c.json(signIn(c, session, auth.sessionTtlMs), 201);
  });

  routes.post('/auth/login', validate('json', loginSchema), async (c) => {
    const { username, password } = c.req.valid('json');
    const session = await audited(bus, c, { action: 'auth.login', target: username }, () => auth.login(username, password, c.get('address'), userAgent(c)));
    return c.json(signIn(c, session, auth.sessionTtlMs));
  });

  routes.post('/auth/logout', requireRole('member'), async (c) => {
    const credential = c.get('credential');
    if (!credential) throw new UnauthorizedError('sign in first');
    await audited(bus, c, { action: 'auth.logout', target: currentUser(c).username }, () => auth.tokens.revoke(credential.tokenId));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  routes.get('/auth/me', requireRole('member'), (c) => c.json(apiUser(currentUser(c))));

  // The dashboard's probe at load: a 401 here would be a console error on every first visit
  // (issue #25), and the cookie is HttpOnly, so the page cannot tell by itself whether to ask.
  routes.get('/auth/session', (c) => {
    const user = c.get('user');
    return c.json({ user: user ? apiUser(user) : null });
  });

  routes.get('/auth/preferences', requireRole('member'), (c) => c.json(auth.preferences.get(currentUser(c).id)));

  routes.put('/auth/preferences', requireRole('member'), validate('json', preferencesSchema), (c) => c.json(auth.preferences.update(currentUser(c).id, c.req.valid('json'))));

  routes.get('/auth/tokens', requireRole('member'), (c) => c.json(auth.tokens.listApi(currentUser(c).id)));

  routes.post('/auth/tokens', requireRole('member'), validate('json', newTokenSchema), async (c) => {
    const { name, expiresInDays } = c.req.valid('json');
    const user = currentUser(c);
    const issued = await audited(bus, c, { action: 'token.create', target: user.username, details: { name } }, () =>
      auth.tokens.issue(user.id, 'api', expiresInDays * DAY_MS, { name }),
    );
    return c.json({ ...issued, name }, 201);
  });

  routes.delete('/auth/tokens/:id', requireRole('member'), validate('param', idParam), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    await audited(bus, c, { action: 'token.revoke', target: user.username, details: { tokenId: id } }, () => auth.tokens.revokeApi(user.id, id));
    return c.body(null, 204);
  });

  // Each user sets only their own codes; nobody, owner included, reads or sets another's.
  routes.get('/auth/alarm-code', requireRole('member'), (c) => c.json(auth.alarmCodes.status(currentUser(c).id)));

  routes.put('/auth/alarm-code', requireRole('member'), validate('json', alarmCodeSchema), async (c) => {
    const user = currentUser(c);
    const body = c.req.valid('json');
    await audited(bus, c, { action: 'alarm_code.set', target: user.username, details: { duress: body.duress !== undefined } }, () => auth.alarmCodes.set(user.id, body));
    return c.body(null, 204);
  });

  routes.delete('/auth/alarm-code', requireRole('member'), async (c) => {
    const user = currentUser(c);
    await audited(bus, c, { action: 'alarm_code.clear', target: user.username }, () => auth.alarmCodes.clear(user.id));
    return c.body(null, 204);
  });

  return {
    routes,
    publicPaths: ['/api/onboarding', '/api/auth/login', '/api/auth/session'],
    docs: [
      { method: 'get', path: '/onboarding', summary: 'Whether the first owner still has to be created', access: 'public', response: { status: 200, body: z.object({ required: z.boolean() }) } },
      { method: 'post', path: '/onboarding', summary: 'Create the first owner (409 once any user exists)', access: 'public', body: credentialsSchema, response: { status: 201, body: sessionSchema } },
      { method: 'post', path: '/auth/login', summary: 'Sign in: a session token and an HttpOnly cookie (429 after repeated failures)', access: 'public', body: loginSchema, response: { status: 200, body: sessionSchema } },
      { method: 'post', path: '/auth/logout', summary: 'Revoke the session or token used for this request', access: 'member', response: { status: 204 } },
      { method: 'get', path: '/auth/me', summary: 'The signed-in user', access: 'member', response: { status: 200, body: userSchema } },
      { method: 'get', path: '/auth/session', summary: 'Who is signed in, or user null (never 401)', access: 'public', response: { status: 200, body: z.object({ user: userSchema.nullable() }) } },
      { method: 'get', path: '/auth/preferences', summary: 'Your own preferences (the dashboard language; none = follow the browser)', access: 'member', response: { status: 200, body: preferencesSchema } },
      { method: 'put', path: '/auth/preferences', summary: 'Change your own preferences; absent keys keep their value', access: 'member', body: preferencesSchema, response: { status: 200, body: preferencesSchema } },
      { method: 'get', path: '/auth/tokens', summary: 'Your long-lived API tokens (secrets are never shown again)', access: 'member', response: { status: 200, body: z.array(tokenInfoSchema) } },
      { method: 'post', path: '/auth/tokens', summary: 'Create an API token for scripts; the secret is shown once', access: 'member', body: newTokenSchema, response: { status: 201, body: issuedTokenSchema } },
      { method: 'get', path: '/auth/alarm-code', summary: 'Whether you have set an alarm code and a duress code (never the codes)', access: 'member', response: { status: 200, body: alarmCodeStatusSchema } },
      { method: 'put', path: '/auth/alarm-code', summary: 'Set your own alarm code (4–12 digits) and optional duress code', access: 'member', body: alarmCodeSchema, response: { status: 204 } },
      { method: 'delete', path: '/auth/alarm-code', summary: 'Remove your alarm codes', access: 'member', response: { status: 204 } },
      { method: 'delete', path: '/auth/tokens/:id', summary: 'Revoke one of your API tokens', access: 'member', params: idParam, response: { status: 204 } },
    ],
  };
}

import { Hono } from 'hono';
import { z } from 'zod';
import { assertMayManage, displayNameSchema, passwordChangeSchema, roleAtLeast, type Auth } from '../../auth/index.js';
import { NotFoundError } from '../../errors.js';
import type { EventBus } from '../../kernel/index.js';
import { audited } from '../audit.js';
import { currentUser, requireRole, type ApiEnv } from '../env.js';
import type { RouteModule } from '../route-module.js';
import { idParam, userSchema } from '../schemas.js';
import { apiUser } from '../session-cookie.js';
import { validate } from '../validate.js';

const sessionInfoSchema = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string().optional() }),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().describe('to the minute'),
  expiresAt: z.iso.datetime(),
  userAgent: z.string().nullable(),
  current: z.boolean().describe('the session this request came with'),
});

/** Each user's own account (display name, password) and the signed-in sessions: one's own, or everyone's for admins. */
export function accountRoutes(auth: Auth, bus: EventBus): RouteModule {
  const routes = new Hono<ApiEnv>();
  const member = requireRole('member');

  routes.put('/auth/me', member, validate('json', displayNameSchema), (c) => {
    const user = auth.users.setDisplayName(currentUser(c).id, c.req.valid('json').displayName);
    return c.json(apiUser(user));
  });

  routes.post('/auth/password', member, validate('json', passwordChangeSchema), async (c) => {
    const user = currentUser(c);
    const change = c.req.valid('json');
    await audited(bus, c, { action: 'auth.password', target: user.username }, () => auth.changePassword(user.id, change, c.get('credential')?.tokenId));
    return c.body(null, 204);
  });

  routes.get('/auth/sessions', member, (c) => {
    const user = currentUser(c);
    const current = c.get('credential')?.tokenId;
    const list = auth.tokens.listSessions(roleAtLeast(user.role, 'admin') ? undefined : user.id);
    return c.json({ sessions: list.map((s) => ({ ...s, current: s.id === current })) });
  });

  routes.delete('/auth/sessions/:id', member, validate('param', idParam), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    const owner = auth.tokens.sessionOwner(id);
    // Someone else's session is "unknown" to a member, as API tokens are: ids are not to be probed.
    if (!owner || (owner.id !== user.id && !roleAtLeast(user.role, 'admin'))) throw new NotFoundError(`unknown session '${id}'`);
    await audited(bus, c, { action: 'session.revoke', target: owner.username }, () => {
      if (owner.id !== user.id) assertMayManage(user.role, owner.role);
      auth.tokens.revoke(id);
    });
    return c.body(null, 204);
  });

  return {
    routes,
    docs: [
      { method: 'put', path: '/auth/me', summary: 'Set your display name (null or "" shows your username again)', access: 'member', body: displayNameSchema, response: { status: 200, body: userSchema } },
      { method: 'post', path: '/auth/password', summary: 'Change your password (400 when the current one is wrong); your other sessions end', access: 'member', body: passwordChangeSchema, response: { status: 204 } },
      { method: 'get', path: '/auth/sessions', summary: 'Signed-in sessions: your own, or everyone\'s for admins', access: 'member', response: { status: 200, body: z.object({ sessions: z.array(sessionInfoSchema) }) } },
      { method: 'delete', path: '/auth/sessions/:id', summary: 'Sign a session out (admins: anyone\'s but an owner\'s, unless owner)', access: 'member', params: idParam, response: { status: 204 } },
    ],
  };
}

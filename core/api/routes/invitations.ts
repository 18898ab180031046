import { Hono } from 'hono';
import { z } from 'zod';
import { acceptInvitationSchema, assertMayManage, newInvitationSchema, roleSchema, type Auth } from '../../auth/index.js';
import { createContext, type EventBus } from '../../kernel/index.js';
import { audited } from '../audit.js';
import { currentUser, requireRole, type ApiEnv } from '../env.js';
import type { RouteModule } from '../route-module.js';
import { idParam, sessionSchema } from '../schemas.js';
import { signIn, userAgent } from '../session-cookie.js';
import { validate } from '../validate.js';

const invitationSchema = z.object({
  id: z.string(),
  role: roleSchema,
  status: z.enum(['pending', 'used', 'expired']),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  createdBy: z.string().nullable(),
  usedAt: z.iso.datetime().nullable(),
  usedBy: z.string().nullable(),
});
const createdInvitationSchema = invitationSchema.extend({
  code: z.string().describe('shown once: what the invitee types'),
  url: z.string().describe('the page that accepts it, with the code in it'),
});
const acceptedSchema = sessionSchema.extend({ invitation: invitationSchema });

/** The dashboard's page for an invitation; the code rides in the path, which the page reads. */
const invitationPath = (code: string) => `/invite/${encodeURIComponent(code)}`;

/** Invitations: admins hand out single-use codes; anyone holding one creates their account with it. */
export function invitationRoutes(auth: Auth, bus: EventBus): RouteModule {
  const routes = new Hono<ApiEnv>();
  const admin = requireRole('admin');

  routes.get('/invitations', admin, (c) => c.json({ invitations: auth.invitations.list() }));

  routes.post('/invitations', admin, validate('json', newInvitationSchema), async (c) => {
    const body = c.req.valid('json');
    const user = currentUser(c);
    const created = await audited(bus, c, { action: 'invitation.create', details: { role: body.role, expiresInHours: body.expiresInHours } }, () => {
      assertMayManage(user.role, undefined, body.role);
      return auth.invitations.create(body, user.id);
    });
    // The address the admin reached the hub by, which the invitee can most likely reach too.
    const own = new URL(c.req.url);
    const proto = c.req.header('x-forwarded-proto') ?? own.protocol.replace(':', '');
    const url = new URL(invitationPath(created.code), `${proto}://${c.req.header('host') ?? own.host}`).href;
    return c.json({ ...created, url }, 201);
  });

  routes.delete('/invitations/:id', admin, validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    await audited(bus, c, { action: 'invitation.revoke', details: { invitationId: id } }, () => auth.invitations.revoke(id));
    return c.body(null, 204);
  });

  routes.post('/invitations/accept', validate('json', acceptInvitationSchema), async (c) => {
    const body = c.req.valid('json');
    const session = await audited(bus, c, { action: 'invitation.accept', target: body.username }, async () => {
      const accepted = await auth.acceptInvitation(body, c.get('address'), userAgent(c));
      // The audit line is the new user's own act: "Zoé joined (member)", not an anonymous one.
      c.set('context', createContext({ userId: accepted.user.id, role: accepted.user.role }));
      return accepted;
    });
    return c.json({ ...signIn(c, session, auth.sessionTtlMs), invitation: session.invitation }, 201);
  });

  return {
    routes,
    publicPaths: ['/api/invitations/accept'],
    docs: [
      { method: 'get', path: '/invitations', summary: 'Every invitation, newest first (codes are never shown again)', access: 'admin', response: { status: 200, body: z.object({ invitations: z.array(invitationSchema) }) } },
      { method: 'post', path: '/invitations', summary: 'Create a single-use invitation; its code and link are shown once', access: 'admin', body: newInvitationSchema, response: { status: 201, body: createdInvitationSchema } },
      { method: 'delete', path: '/invitations/:id', summary: 'Revoke an invitation (its code stops working)', access: 'admin', params: idParam, response: { status: 204 } },
      {
        method: 'post',
        path: '/invitations/accept',
        summary: 'Create your account with an invitation code and sign in (404 unknown code, 410 used or expired, 429 after repeated wrong codes)',
        access: 'public',
        body: acceptInvitationSchema,
        response: { status: 201, body: acceptedSchema },
      },
    ],
  };
}

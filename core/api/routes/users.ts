import { Hono } from 'hono';
import { z } from 'zod';
import { assertMayManage, newUserSchema, userPatchSchema, type Auth } from '../../auth/index.js';
import type { EventBus } from '../../kernel/index.js';
import { audited } from '../audit.js';
import { currentUser, requireRole, type ApiEnv } from '../env.js';
import type { RouteModule } from '../route-module.js';
import { idParam, storedUserSchema } from '../schemas.js';
import { validate } from '../validate.js';

/** Account management for admins; owners are managed only by owners. */
export function userRoutes(auth: Auth, bus: EventBus): RouteModule {
  const routes = new Hono<ApiEnv>();
  routes.use('/users', requireRole('admin'));
  routes.use('/users/*', requireRole('admin'));

  routes.get('/users', (c) => c.json(auth.users.list()));

  routes.post('/users', validate('json', newUserSchema), async (c) => {
    const body = c.req.valid('json');
    const user = await audited(bus, c, { action: 'user.create', target: body.username, details: { role: body.role } }, () => {
      assertMayManage(currentUser(c).role, undefined, body.role);
      return auth.users.create(body);
    });
    return c.json(user, 201);
  });

  routes.get('/users/:id', validate('param', idParam), (c) => c.json(auth.users.get(c.req.valid('param').id)));

  routes.patch('/users/:id', validate('param', idParam), validate('json', userPatchSchema), async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const target = auth.users.get(id);
    const changed = { ...(patch.role && { role: patch.role }), ...(patch.password && { password: 'changed' }) };
    const user = await audited(bus, c, { action: 'user.update', target: target.username, details: changed }, () => {
      assertMayManage(currentUser(c).role, target.role, patch.role);
      return auth.users.update(id, patch);
    });
    return c.json(user);
  });

  routes.delete('/users/:id', validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    const target = auth.users.get(id);
    await audited(bus, c, { action: 'user.remove', target: target.username }, () => {
      assertMayManage(currentUser(c).role, target.role);
      auth.users.remove(id);
    });
    return c.body(null, 204);
  });

  return {
    routes,
    docs: [
      { method: 'get', path: '/users', summary: 'Every user', access: 'admin', response: { status: 200, body: z.array(storedUserSchema) } },
      { method: 'post', path: '/users', summary: 'Create a user (only an owner creates owners)', access: 'admin', body: newUserSchema, response: { status: 201, body: storedUserSchema } },
      { method: 'get', path: '/users/:id', summary: 'One user', access: 'admin', params: idParam, response: { status: 200, body: storedUserSchema } },
      { method: 'patch', path: '/users/:id', summary: 'Change role or password (a new password ends their sessions)', access: 'admin', params: idParam, body: userPatchSchema, response: { status: 200, body: storedUserSchema } },
      { method: 'delete', path: '/users/:id', summary: 'Remove a user and their tokens (never the last owner)', access: 'admin', params: idParam, response: { status: 204 } },
    ],
  };
}

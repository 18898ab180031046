import { Hono } from 'hono';
import { z } from 'zod';
import { NotFoundError } from '../../errors.js';
import type { Kernel } from '../../kernel/index.js';
import { requireRole, type ApiEnv } from '../env.js';
import { jsonObjectBody } from '../middleware/body.js';
import type { RouteModule } from '../route-module.js';
import { entityStateSchema, idParam } from '../schemas.js';
import { validate } from '../validate.js';

const commandParam = z.strictObject({ id: z.string().min(1).max(200), command: z.string().regex(/^[a-z_]{1,64}$/, 'a command name such as turn_on') });

/** Live states and commands (DESIGN §2 and §6). */
export function entityRoutes(kernel: Kernel): RouteModule {
  const routes = new Hono<ApiEnv>();
  routes.use('/entities', requireRole('member'));
  routes.use('/entities/*', requireRole('member'));

  routes.get('/entities', (c) => c.json(kernel.states.all()));

  routes.get('/entities/:id', validate('param', idParam), (c) => {
    const { id } = c.req.valid('param');
    const state = kernel.states.get(id);
    if (!state) throw new NotFoundError(`unknown entity '${id}'`);
    return c.json(state);
  });

  routes.post('/entities/:id/commands/:command', validate('param', commandParam), async (c) => {
    const { id, command } = c.req.valid('param');
    const params = await jsonObjectBody(c);
    // The context carries the caller's role: the dispatcher checks the entity's allowedRoles.
    const entity = await kernel.dispatcher.dispatch({ entityId: id, command, params, context: c.get('context'), address: c.get('address') });
    return c.json({ entity });
  });

  return {
    routes,
    docs: [
      { method: 'get', path: '/entities', summary: 'Every entity state', access: 'member', response: { status: 200, body: z.array(entityStateSchema) } },
      { method: 'get', path: '/entities/:id', summary: 'One entity state', access: 'member', params: idParam, response: { status: 200, body: entityStateSchema } },
      {
        method: 'post',
        path: '/entities/:id/commands/:command',
        summary: "Run a command (the body is its params); the entity's allowedRoles apply",
        access: 'member',
        params: commandParam,
        body: z.record(z.string(), z.unknown()).describe('command params, e.g. {"brightness": 80}'),
        response: { status: 200, body: z.object({ entity: entityStateSchema }) },
      },
    ],
  };
}

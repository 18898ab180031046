import { Hono } from 'hono';
import { z } from 'zod';
import { currentUser, requireRole, type ApiEnv } from '../api/env.js';
import type { RouteDoc, RouteModule } from '../api/route-module.js';
import { idParam } from '../api/schemas.js';
import { validate } from '../api/validate.js';
import type { Follows } from './follows.js';

const body = z.strictObject({
  schedule: z
    .string()
    .regex(/^schedule\.[a-z0-9_]+$/, 'expected a schedule entity like schedule.bedroom, or null')
    .nullable()
    .describe('schedule.<id> to follow, or null to stop following'),
});
const follow = z.object({ entityId: z.string(), schedule: z.string().nullable() });

const DOCS: RouteDoc[] = [
  { method: 'get', path: '/entities/:id/follow', summary: 'The schedule a switch, light, cover or climate follows (null: none)', access: 'member', params: idParam, response: { status: 200, body: follow } },
  {
    method: 'put',
    path: '/entities/:id/follow',
    summary: "Make a switch, light, cover or climate follow a schedule, applied at once (null stops); the entity's allowedRoles apply",
    access: 'member',
    params: idParam,
    body,
    response: { status: 200, body: follow },
  },
];

/** Following a schedule from the dashboard (docs/api.md#following-a-schedule). */
export function createFollowRoutes(follows: Follows): RouteModule {
  const member = requireRole('member');
  const routes = new Hono<ApiEnv>()
    .get('/entities/:id/follow', member, validate('param', idParam), (c) => c.json(follows.get(c.req.valid('param').id)))
    .put('/entities/:id/follow', member, validate('param', idParam), validate('json', body), async (c) =>
      c.json(await follows.set(c.req.valid('param').id, c.req.valid('json').schedule, { context: c.get('context'), role: currentUser(c).role })),
    );
  return { routes, docs: DOCS };
}

import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole, type ApiEnv } from '../api/env.js';
import type { RouteDoc, RouteModule } from '../api/route-module.js';
import { validate } from '../api/validate.js';
import type { Schedules } from './service.js';

const anObject = z.record(z.string(), z.unknown());
const idParam = z.object({ id: z.string() });
const definition = anObject.describe('a schedule {id, name?, days: {mon: [{from, to, value?}], …}, exceptions?: [{date, blocks}]} (docs/configuration.md#schedules)');
const info = anObject.describe('the schedule with all seven days listed, plus name, entityId, source (yaml | api) and readOnly');

const DOCS: RouteDoc[] = [
  { method: 'get', path: '/schedules', summary: 'Every schedule', access: 'member', response: { status: 200, body: z.object({ schedules: z.array(info) }) } },
  { method: 'post', path: '/schedules', summary: 'Create a schedule', access: 'admin', body: definition, response: { status: 201, body: info } },
  { method: 'get', path: '/schedules/:id', summary: 'One schedule', access: 'member', params: idParam, response: { status: 200, body: info } },
  { method: 'put', path: '/schedules/:id', summary: 'Replace a schedule (API schedules only)', access: 'admin', params: idParam, body: definition, response: { status: 200, body: info } },
  { method: 'delete', path: '/schedules/:id', summary: 'Delete a schedule (API schedules only)', access: 'admin', params: idParam, response: { status: 204 } },
];

/** DESIGN §6 schedule endpoints: members read, admins write. */
export function createScheduleRoutes(schedules: Schedules): RouteModule {
  const member = requireRole('member');
  const admin = requireRole('admin');
  const routes = new Hono<ApiEnv>()
    .get('/schedules', member, (c) => c.json({ schedules: schedules.list() }))
    .post('/schedules', admin, validate('json', anObject), (c) => c.json(schedules.create(c.req.valid('json')), 201))
    .get('/schedules/:id', member, (c) => c.json(schedules.get(c.req.param('id'))))
    .put('/schedules/:id', admin, validate('json', anObject), (c) => c.json(schedules.replace(c.req.param('id'), c.req.valid('json'))))
    .delete('/schedules/:id', admin, (c) => {
      schedules.remove(c.req.param('id'));
      return c.body(null, 204);
    });
  return { routes, docs: DOCS };
}

import { Hono } from 'hono';
import { z } from 'zod';
import type { Context as HonoContext } from 'hono';
import { currentUser, requireRole, roleAtLeast, type ApiEnv } from '../api/env.js';
import { ForbiddenError } from '../errors.js';
import type { RouteDoc, RouteModule } from '../api/route-module.js';
import { validate } from '../api/validate.js';
import type { Alerts } from './service.js';
import { PERIODS } from './stats.js';
import { SEVERITIES } from './types.js';

const severityList = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(SEVERITIES)).min(1, 'give one or more of info, warning, critical (comma-separated)'));
const listQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'all']).default('all'),
  severity: severityList.optional(),
  entity: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, 'an entity id such as binary_sensor.front_door').optional(),
  /** The `next` of the previous page. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Admins only: duress alerts are left out unless asked for. */
  silent: z.literal('include').optional(),
});
const silentQuery = z.object({ silent: z.literal('include').optional() });
const instant = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));
const statsQuery = z.object({ period: z.enum(PERIODS).default('week'), start: instant.optional(), end: instant.optional() });
const idParam = z.object({ id: z.coerce.number().int().positive() });
const ackBody = z.strictObject({ note: z.string().max(1000).optional() });

const alert = z.record(z.string(), z.unknown()).describe('{id, severity, title, message, entityId?, source, status, raisedAt, lastSeenAt, count, acknowledgedAt?, acknowledgedBy?, note?}');
const DOCS: RouteDoc[] = [
  {
    method: 'get',
    path: '/alerts',
    summary: 'Alerts, newest first, a page at a time (pass `next` as `before`)',
    access: 'member',
    query: listQuery,
    response: { status: 200, body: z.object({ alerts: z.array(alert), next: z.number().optional(), open: z.number() }) },
  },
  { method: 'get', path: '/alerts/stats', summary: 'Counts by severity, by entity and by hour of day over a period', access: 'member', query: statsQuery, response: { status: 200, body: z.record(z.string(), z.unknown()) } },
  { method: 'get', path: '/alerts/:id', summary: 'One alert (a silent one only to an admin asking with silent=include)', access: 'member', params: idParam, query: silentQuery, response: { status: 200, body: alert } },
  { method: 'post', path: '/alerts/:id/acknowledge', summary: 'Acknowledge an open alert (409 when it already is)', access: 'member', params: idParam, body: ackBody, response: { status: 200, body: alert } },
];

/** DESIGN §6 alert endpoints: every signed-in member reads and acknowledges. */
export function createAlertRoutes(alerts: Alerts): RouteModule {
  const member = requireRole('member');
  const routes = new Hono<ApiEnv>()
    .get('/alerts', member, validate('query', listQuery), (c) => {
      const { status, severity, entity, before, limit, silent } = c.req.valid('query');
      const includeSilent = wantsSilent(c, silent);
      return c.json(alerts.list({ status, limit, includeSilent, ...(severity && { severity }), ...(entity && { entityId: entity }), ...(before && { before }) }));
    })
    .get('/alerts/stats', member, validate('query', statsQuery), (c) => {
      const { period, start, end } = c.req.valid('query');
      return c.json(alerts.stats(period, start, end));
    })
    .get('/alerts/:id', member, validate('param', idParam), validate('query', silentQuery), (c) => c.json(alerts.get(c.req.valid('param').id, wantsSilent(c, c.req.valid('query').silent))))
    .post('/alerts/:id/acknowledge', member, validate('param', idParam), validate('json', ackBody), (c) => {
      const { note } = c.req.valid('json');
      return c.json(alerts.acknowledge(c.req.valid('param').id, currentUser(c).id, note, c.get('context')));
    });
  return { routes, docs: DOCS };
}

/** Duress alerts are for the people the notification reached; on the dashboard only an admin who asks sees them. */
function wantsSilent(c: HonoContext<ApiEnv>, silent: 'include' | undefined): boolean {
  if (!silent) return false;
  const { role } = currentUser(c);
  if (!roleAtLeast(role, 'admin')) throw new ForbiddenError('silent alerts are for admins; you are ' + role);
  return true;
}

import { Hono, type Context as HonoContext } from 'hono';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ConflictError, UnavailableError } from '../errors.js';
import { audited } from '../api/audit.js';
import { requireRole, type ApiEnv } from '../api/env.js';
import type { RouteDoc, RouteModule } from '../api/route-module.js';
import { validate } from '../api/validate.js';
import type { AutomationEngine } from './engine.js';
import { parseOrThrow } from './parse.js';
import { simulate, type HistorySource } from './simulate.js';
import type { Location } from './time.js';
import type { EventBus } from '../kernel/index.js';

export interface AutomationRouteDeps {
  engine: AutomationEngine;
  log: Logger;
  /** Recorded history for simulate; absent means simulate answers 503. */
  history?: HistorySource;
  location?: Location;
  /** For the audit trail: every create, edit and delete, with who did it. */
  bus?: EventBus;
}

const anObject = z.record(z.string(), z.unknown());
const instant = z.union([z.iso.datetime({ offset: true }), z.number().int()]).transform((v) => (typeof v === 'number' ? v : Date.parse(v)));
const simulateBody = z.strictObject({ definition: z.unknown(), start: instant, end: instant });

const idParam = z.object({ id: z.string() });
const definition = anObject.describe('an automation definition (DESIGN §7, docs/automations.md)');
const info = anObject.describe('the definition as written plus source, enabled, mode, running, lastRun');

const DOCS: RouteDoc[] = [
  { method: 'get', path: '/automations', summary: 'Every automation', access: 'member', response: { status: 200, body: z.object({ automations: z.array(info) }) } },
  { method: 'post', path: '/automations', summary: 'Create an automation', access: 'admin', body: definition, response: { status: 201, body: info } },
  { method: 'post', path: '/automations/simulate', summary: 'Replay recorded history through a definition, touching nothing', access: 'admin', body: simulateBody, response: { status: 200, body: anObject } },
  { method: 'get', path: '/automations/:id', summary: 'One automation', access: 'member', params: idParam, response: { status: 200, body: info } },
  { method: 'put', path: '/automations/:id', summary: 'Replace an automation (API automations only)', access: 'admin', params: idParam, body: definition, response: { status: 200, body: info } },
  { method: 'patch', path: '/automations/:id', summary: 'Change fields, e.g. {"enabled": false}', access: 'admin', params: idParam, body: anObject, response: { status: 200, body: info } },
  { method: 'delete', path: '/automations/:id', summary: 'Delete an automation (API automations only)', access: 'admin', params: idParam, response: { status: 204 } },
  { method: 'post', path: '/automations/:id/run', summary: 'Run the actions now, skipping conditions', access: 'admin', params: idParam, response: { status: 202, body: z.object({ started: z.literal(true) }) } },
  { method: 'get', path: '/automations/:id/traces', summary: 'The last 10 runs, step by step', access: 'member', params: idParam, response: { status: 200, body: z.object({ traces: z.array(anObject) }) } },
];

/** DESIGN §6 automation endpoints: members read, admins write. */
export function createAutomationRoutes(deps: AutomationRouteDeps): RouteModule {
  return { routes: automationApp(deps), docs: DOCS };
}

function automationApp(deps: AutomationRouteDeps): Hono<ApiEnv> {
  const { engine } = deps;
  const member = requireRole('member');
  const admin = requireRole('admin');
  const audit = <T>(c: HonoContext<ApiEnv>, action: string, target: string, run: () => T): Promise<T> | T =>
    deps.bus ? audited(deps.bus, c, { action, target }, run) : run();
  return new Hono<ApiEnv>()
    .get('/automations', member, (c) => c.json({ automations: engine.list() }))
    .post('/automations/simulate', admin, validate('json', simulateBody), async (c) => {
      if (!deps.history) throw new UnavailableError('simulate needs recorded history, and history is not running');
      const body = c.req.valid('json');
      const definition = parseOrThrow(body.definition, ['definition']);
      const result = await simulate(definition, { history: deps.history, startMs: body.start, endMs: body.end, log: deps.log, ...(deps.location && { location: deps.location }) });
      return c.json(result);
    })
    .post('/automations', admin, validate('json', anObject), async (c) => {
      const body = c.req.valid('json');
      return c.json(await audit(c, 'automation.create', String(body.id ?? ''), () => engine.create(body)), 201);
    })
    .get('/automations/:id', member, (c) => c.json(engine.get(c.req.param('id'))))
    .put('/automations/:id', admin, validate('json', anObject), async (c) => {
      const id = c.req.param('id');
      return c.json(await audit(c, 'automation.edit', id, () => engine.replace(id, c.req.valid('json'))));
    })
    .patch('/automations/:id', admin, validate('json', anObject), async (c) => {
      const id = c.req.param('id');
      const patch = c.req.valid('json');
      return c.json(await audit(c, 'automation.edit', id, () => engine.update(id, patch)));
    })
    .delete('/automations/:id', admin, async (c) => {
      const id = c.req.param('id');
      await audit(c, 'automation.delete', id, () => engine.remove(id));
      return c.body(null, 204);
    })
    .post('/automations/:id/run', admin, (c) => {
      const id = c.req.param('id');
      if (!engine.get(id).enabled) throw new ConflictError(`automation '${id}' is disabled; enable it first`);
      // The run may wait for minutes; the trace arrives on the bus and in /traces.
      void engine.run(id, c.get('context')).catch((err: unknown) => deps.log.warn({ automation: id, err: (err as Error).message }, 'manual run refused'));
      return c.json({ started: true }, 202);
    })
    .get('/automations/:id/traces', member, (c) => c.json({ traces: engine.traces(c.req.param('id')) }));
}

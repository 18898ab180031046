/** GET /api/history/:id, /api/statistics/:id and /api/logbook (DESIGN §6), for members and up. */
import { Hono } from 'hono';
import { z } from 'zod';
import { ValidationError } from '../../errors.js';
import { DAY_MS, presentLogbookEntry, type HistoryQueries, type ResolveUserName } from '../../history/index.js';
import { requireRole, type ApiEnv } from '../env.js';
import { validate } from '../validate.js';

export interface HistoryRouteDeps {
  queries: HistoryQueries;
  /** The auth module's user lookup, so entries can say "Alice" rather than an id. */
  resolveUserName?: ResolveUserName;
  now?: () => number;
}

const time = z.union([
  z.coerce.number().int().nonnegative(),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
]);
const range = { start: time.optional(), end: time.optional() };
const id = z.object({ id: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, 'an entity id like sensor.hall_temperature') });
const historyQuery = z.object({ ...range, points: z.coerce.number().int().min(2).max(10_000).default(500) });
const statisticsQuery = z.object({ ...range, period: z.enum(['5m', '1h', '1d']).default('1h') });
const logbookQuery = z.object({
  ...range,
  entity: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.coerce.number().int().positive().optional(),
});

export function createHistoryRoutes(deps: HistoryRouteDeps): Hono<ApiEnv> {
  const now = deps.now ?? Date.now;
  const { queries } = deps;
  const span = (q: { start?: number; end?: number }, defaultDays: number) => {
    const end = q.end ?? now();
    return { start: q.start ?? end - defaultDays * DAY_MS, end };
  };
  const app = new Hono<ApiEnv>();
  app.use('/history/*', requireRole('member'));
  app.use('/statistics/*', requireRole('member'));
  app.use('/logbook', requireRole('member'));

  app.get('/history/:id', validate('param', id), validate('query', historyQuery), (c) => {
    const q = c.req.valid('query');
    const { start, end } = checked(span(q, 1));
    return c.json(queries.history(c.req.valid('param').id, start, end, q.points));
  });

  app.get('/statistics/:id', validate('param', id), validate('query', statisticsQuery), (c) => {
    const q = c.req.valid('query');
    const { start, end } = checked(span(q, q.period === '1d' ? 30 : 1));
    const { rows } = queries.statistics(c.req.valid('param').id, q.period, start, end);
    return c.json({ entityId: c.req.valid('param').id, period: q.period, rows: rows.map((r) => ({ ...r, start: new Date(r.start).toISOString() })) });
  });

  app.get('/logbook', validate('query', logbookQuery), (c) => {
    const q = c.req.valid('query');
    const { start, end } = checked(span(q, 1));
    const page = queries.logbook({ start, end, limit: q.limit, ...(q.entity && { entity: q.entity }), ...(q.before && { before: q.before }) });
    return c.json({ entries: page.entries.map((e) => presentLogbookEntry(e, deps.resolveUserName)), ...(page.next && { next: page.next }) });
  });
  return app;
}

function checked(span: { start: number; end: number }) {
  if (span.start > span.end) throw new ValidationError('start must not be after end');
  return span;
}

/** GET /api/history/:id, /api/statistics/:id (JSON, or CSV as :id.csv) and /api/logbook (DESIGN §6), for members and up. */
import { Hono } from 'hono';
import { z } from 'zod';
import { ValidationError } from '../../errors.js';
import { DAY_MS, presentLogbookEntry, statisticsCsv, type HistoryQueries, type ResolveUserName } from '../../history/index.js';
import { requireRole, type ApiEnv } from '../env.js';
import type { RouteDoc } from '../route-module.js';
import { validate } from '../validate.js';

export interface HistoryRouteDeps {
  queries: HistoryQueries;
  /** The auth module's user lookup, so entries can say "Alice" rather than an id. */
  resolveUserName?: ResolveUserName;
  /** A username's id, so `?user=alice` filters the logbook; without it (or for an unknown name) `user` is taken as an id. */
  resolveUserId?: (username: string) => string | undefined;
  /** The ids of the entities in an area, for `?area=`. */
  areaEntities?: (area: string) => string[];
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
const csvFile = z.object({ id: z.string().regex(/^[a-z_]+\.[a-z0-9_]+\.csv$/, 'an entity id and .csv, like sensor.meter_energy.csv') });
const csvQuery = z.object({ ...range, period: z.enum(['hour', 'day']).default('hour') });
const CSV_PERIODS = { hour: '1h', day: '1d' } as const;
const commaList = z.string().transform((text) => text.split(',').filter(Boolean));
const logbookQuery = z.object({
  ...range,
  entity: commaList.pipe(z.array(z.string().max(200)).min(1)).optional().describe('comma-separated entity ids (or, for audit entries, their target)'),
  area: z.string().min(1).max(100).optional(),
  kind: commaList.pipe(z.array(z.enum(['state', 'command', 'audit'])).min(1)).optional().describe('comma-separated: state, command, audit'),
  user: z.string().min(1).max(200).optional().describe('a username or user id: what that user did'),
  automation: z.string().min(1).max(200).optional().describe('an automation id: what it did'),
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

  // before the JSON route: its id pattern would refuse the `.csv`
  app.get('/statistics/:id{.+\\.csv}', validate('param', csvFile), validate('query', csvQuery), (c) => {
    const q = c.req.valid('query');
    const { start, end } = checked(span(q, q.period === 'day' ? 30 : 1));
    const entityId = c.req.valid('param').id.slice(0, -'.csv'.length);
    const { rows } = queries.statistics(entityId, CSV_PERIODS[q.period], start, end);
    return c.body(statisticsCsv(rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${entityId}-${q.period}.csv"`,
    });
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
    const page = queries.logbook({
      start, end, limit: q.limit,
      ...(q.entity || q.area ? { entities: inBoth(q.entity, q.area === undefined ? undefined : (deps.areaEntities?.(q.area) ?? [])) } : {}),
      ...(q.kind && { kinds: q.kind }),
      ...(q.user && { userId: deps.resolveUserId?.(q.user) ?? q.user }),
      ...(q.automation && { automationId: q.automation }),
      ...(q.before && { before: q.before }),
    });
    return c.json({ entries: page.entries.map((e) => presentLogbookEntry(e, deps.resolveUserName)), ...(page.next && { next: page.next }) });
  });
  return app;
}

/** Entity ids in the picked list and the area's, when both are given. */
function inBoth(picked: string[] | undefined, area: string[] | undefined): string[] {
  if (!picked) return area ?? [];
  return area ? picked.filter((e) => area.includes(e)) : picked;
}

function checked(span: { start: number; end: number }) {
  if (span.start > span.end) throw new ValidationError('start must not be after end');
  return span;
}

const statisticsRow = z.object({
  start: z.string(), mean: z.number(), min: z.number(), max: z.number(), count: z.number(),
  change: z.number().optional().describe('counters: consumption in the row, a drop of the index by over 10% counted as a reset from 0'),
  sum: z.number().optional().describe("counters: running total of change at the row's end"),
  heatingHours: z.number().optional().describe('climate entities: hours heating in the row'),
});
const points = z.array(z.tuple([z.number(), z.union([z.number(), z.string(), z.null()])]));

/** The OpenAPI description of these routes (GET /api/openapi.json), from the schemas that validate them. */
export const HISTORY_ROUTE_DOCS: readonly RouteDoc[] = [
  {
    method: 'get', path: '/history/:id', access: 'member', params: id, query: historyQuery,
    summary: 'Downsampled history: [[ms, value]…], numeric buckets keep their min and max; spans of wide buckets read the statistics',
    response: { status: 200, body: z.object({ entityId: z.string(), points, series: z.record(z.string(), points).optional() }) },
  },
  {
    method: 'get', path: '/statistics/:id', access: 'member', params: id, query: statisticsQuery,
    summary: 'Rolled-up statistics: mean, min, max and count per 5 minutes, hour or local day; counters (total_increasing) add change and a running sum',
    response: { status: 200, body: z.object({ entityId: z.string(), period: z.string(), rows: z.array(statisticsRow) }) },
  },
  {
    method: 'get', path: '/statistics/:id.csv', access: 'member', params: csvFile, query: csvQuery,
    summary: 'Hourly or daily statistics as text/csv (an attachment): start (ISO UTC), mean, min, max, count, and change, sum for counters',
    response: { status: 200 },
  },
  {
    method: 'get', path: '/logbook', access: 'member', query: logbookQuery,
    summary: 'Who or what changed what, newest first, filtered by entity, area, kind, user, automation and range; pass `next` as `before` for older entries',
    response: { status: 200, body: z.object({ entries: z.array(z.record(z.string(), z.unknown())), next: z.number().optional() }) },
  },
];

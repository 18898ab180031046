/** GET /api/energy, /api/energy/compare and /api/energy/tempo (docs/api.md#energy), for members and up. */
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole, type ApiEnv } from '../api/env.js';
import type { RouteDoc, RouteModule } from '../api/route-module.js';
import { validate } from '../api/validate.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { DAY_MS } from '../time/zone.js';
import { PERIODS } from './buckets.js';
import type { Energy } from './service.js';

const time = z.union([z.coerce.number().int().nonnegative(), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))]);
const range = { start: time.optional().describe('epoch ms or ISO time'), end: time.optional().describe('epoch ms or ISO time; default now') };
const reportQuery = z.object({ period: z.enum(PERIODS).default('day'), ...range });
const rangeQuery = z.object(range);

/** Longest span a request may cover: ten years of daily rows. */
const MAX_SPAN_MS = 3660 * DAY_MS;
/** Default span when `start` is absent, per period: enough rows for a chart. */
const DEFAULT_DAYS = { hour: 1, day: 30, week: 84, month: 365, year: 3 * 365 } as const;

const iso = (ms: number) => new Date(ms).toISOString();

/** `energy` is undefined when the config has no `energy:` section: every route then answers 404 saying so. */
export function createEnergyRoutes(configured: Energy | undefined, now: () => number = Date.now): RouteModule {
  const energy = (): Energy => {
    if (!configured) throw new NotFoundError('energy is not configured: add an energy: section to the config (docs/energy.md)');
    return configured;
  };
  const span = (q: { start?: number; end?: number }, defaultDays: number) => {
    const end = q.end ?? now();
    const start = q.start ?? end - defaultDays * DAY_MS;
    if (start >= end) throw new ValidationError('start must be before end');
    if (end - start > MAX_SPAN_MS) throw new ValidationError('the span is too long: at most ten years');
    return { start, end };
  };
  const routes = new Hono<ApiEnv>();
  routes.use('/energy', requireRole('member'));
  routes.use('/energy/*', requireRole('member'));

  routes.get('/energy', validate('query', reportQuery), (c) => {
    const q = c.req.valid('query');
    const { start, end } = span(q, DEFAULT_DAYS[q.period]);
    if (q.period === 'hour' && end - start > 62 * DAY_MS) throw new ValidationError('period=hour covers at most 62 days: use day for longer spans');
    const report = energy().report(q.period, start, end);
    const summary = (s: { start: number; end: number }) => ({ ...s, start: iso(s.start), end: iso(s.end) });
    return c.json({ ...report, rows: report.rows.map((r) => ({ ...summary(r), previous: summary(r.previous), yearAgo: summary(r.yearAgo) })) });
  });

  routes.get('/energy/compare', validate('query', rangeQuery), (c) => {
    const { start, end } = span(c.req.valid('query'), 365);
    const result = energy().compare(start, end);
    return c.json({ ...result, start: iso(result.start), end: iso(result.end) });
  });

  routes.get('/energy/tempo', validate('query', rangeQuery), (c) => {
    const { start, end } = span(c.req.valid('query'), 31);
    return c.json(energy().tempo(start, end));
  });
  return { routes, docs: ENERGY_ROUTE_DOCS };
}

const money = z.number();
const summary = z.object({ start: z.string(), end: z.string(), electricity: z.number(), water: z.number(), gas: z.number(), cost: money });
const row = z.object({
  start: z.string(),
  end: z.string(),
  partial: z.literal(true).optional(),
  meters: z.record(z.string(), z.object({ kind: z.enum(['electricity', 'water', 'gas']), change: z.number(), byPeriod: z.record(z.string(), z.number()) })),
  cost: z.object({ total: money, subscription: money, electricity: money, water: money, gas: money, byPeriod: z.record(z.string(), money) }),
  previous: summary,
  yearAgo: summary,
});
const periodTotals = z.record(z.string(), z.object({ amount: z.number(), cost: money }));

export const ENERGY_ROUTE_DOCS: readonly RouteDoc[] = [
  {
    method: 'get', path: '/energy', access: 'member', query: reportQuery,
    summary: 'Consumption per meter and tariff period, and its cost, per local hour, day, week, month or year; each row with the span before it and the same span a year earlier',
    response: {
      status: 200,
      body: z.object({
        currency: z.string(), tariff: z.enum(['base', 'hchp', 'tempo']).optional(), period: z.enum(PERIODS),
        meters: z.record(z.string(), z.object({ kind: z.enum(['electricity', 'water', 'gas']), billed: z.boolean() })), power: z.string().optional(), rows: z.array(row),
      }),
    },
  },
  {
    method: 'get', path: '/energy/compare', access: 'member', query: rangeQuery,
    summary: 'What the recorded electricity would have cost under each configured option (base, hchp, tempo), cheapest first',
    response: {
      status: 200,
      body: z.object({
        currency: z.string(), start: z.string(), end: z.string(), current: z.string().optional(),
        options: z.array(z.object({ tariff: z.string(), energy: money, subscription: money, total: money, byPeriod: periodTotals })),
      }),
    },
  },
  {
    method: 'get', path: '/energy/tempo', access: 'member', query: rangeQuery,
    summary: 'Tempo colour of each local day (null where none was recorded), today’s and tomorrow’s',
    response: {
      status: 200,
      body: z.object({ days: z.array(z.object({ date: z.string(), colour: z.enum(['blue', 'white', 'red']).nullable() })), today: z.string().nullable(), tomorrow: z.string().nullable() }),
    },
  },
];

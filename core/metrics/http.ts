import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Metric, Sample } from './format.js';

/** Bucket bounds in seconds: a Pi answers most API calls in a few ms; history queries and uploads take longer. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
/** The route label of dashboard files and unknown paths: raw paths would make the label set unbounded. */
export const OTHER_ROUTE = 'other';

export interface HttpMetrics {
  /** Hono middleware: mount it first so it times the whole request. */
  readonly middleware: MiddlewareHandler;
  collect(): Metric[];
}

interface Series {
  labels: Readonly<Record<string, string>>;
  count: number;
  sum: number;
  /** Non-cumulative count per bucket bound; the last slot is +Inf. */
  buckets: number[];
}

/**
 * The registered pattern (`/api/entities/:id`), never the raw path: the handler that answered, or, when a middleware
 * answered first (401, 413), the route the request was headed for. Middleware (`use`, method ALL) and catch-alls (the
 * dashboard's `*`, which also passes unknown /api paths on to notFound) name no route: those get OTHER_ROUTE.
 */
function routeLabel(c: Context): string {
  const route = matchedRoutes(c).slice(c.req.routeIndex).find((r) => r.method !== 'ALL' && !r.path.endsWith('*'));
  return route?.path ?? OTHER_ROUTE;
}

/** Counts and times HTTP requests by route pattern, method and status. */
export function createHttpMetrics(now: () => number = () => performance.now()): HttpMetrics {
  const series = new Map<string, Series>();
  const record = (route: string, method: string, status: number, seconds: number) => {
    const key = `${route}\u0000${method}\u0000${status}`;
    let s = series.get(key);
    if (!s) {
      s = { labels: { route, method, status: String(status) }, count: 0, sum: 0, buckets: new Array<number>(HTTP_DURATION_BUCKETS.length + 1).fill(0) };
      series.set(key, s);
    }
    s.count++;
    s.sum += seconds;
    const i = HTTP_DURATION_BUCKETS.findIndex((b) => seconds <= b);
    s.buckets[i === -1 ? HTTP_DURATION_BUCKETS.length : i]!++;
  };
  return {
    middleware: async (c, next) => {
      const start = now();
      try {
        await next();
      } finally {
        // An error thrown past onError still counts, as the 500 the server answers.
        record(routeLabel(c), c.req.method, c.res?.status ?? 500, (now() - start) / 1000);
      }
    },
    collect() {
      const all = [...series.values()];
      const histogram: Sample[] = all.flatMap((s) => {
        let cumulative = 0;
        const buckets = s.buckets.map((n, i) => {
          cumulative += n;
          return { suffix: '_bucket' as const, labels: { ...s.labels, le: i < HTTP_DURATION_BUCKETS.length ? String(HTTP_DURATION_BUCKETS[i]) : '+Inf' }, value: cumulative };
        });
        return [...buckets, { suffix: '_sum' as const, labels: s.labels, value: s.sum }, { suffix: '_count' as const, labels: s.labels, value: s.count }];
      });
      return [
        { name: 'hearth_http_requests_total', help: 'HTTP requests answered, by route pattern, method and status.', type: 'counter', samples: all.map((s) => ({ labels: s.labels, value: s.count })) },
        { name: 'hearth_http_request_duration_seconds', help: 'Time to answer HTTP requests, by route pattern, method and status.', type: 'histogram', samples: histogram },
      ];
    },
  };
}

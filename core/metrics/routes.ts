import { Hono } from 'hono';
import { createHash, timingSafeEqual } from 'node:crypto';
import { requireRole, type ApiEnv } from '../api/env.js';
import type { RouteModule } from '../api/route-module.js';
import type { MetricsCollector } from './collector.js';
import { formatMetrics, PROMETHEUS_CONTENT_TYPE } from './format.js';

export interface MetricsRouteDeps {
  collector: Pick<MetricsCollector, 'collect'>;
  /** A scrape token (`Authorization: Bearer <token>`) for Prometheus, which has no session. */
  token?: string;
}

const digest = (v: string) => createHash('sha256').update(v).digest();

/** `GET /api/metrics`: admin+ or the metrics token; Prometheus text format. */
/** Public to the auth middleware: this route checks the scrape token or the admin role itself. */
export function createMetricsRoutes(deps: MetricsRouteDeps): RouteModule {
  const app = new Hono<ApiEnv>();
  const admin = requireRole('admin');
  const expected = deps.token ? digest(deps.token) : undefined;
  app.get(
    '/metrics',
    async (c, next) => {
      const bearer = c.req.header('authorization')?.match(/^Bearer (.+)$/)?.[1];
      // Hash both sides so the comparison is constant-time whatever the lengths.
      if (expected && bearer && timingSafeEqual(digest(bearer), expected)) return next();
      return admin(c, next);
    },
    (c) => c.body(formatMetrics(deps.collector.collect()), 200, { 'content-type': PROMETHEUS_CONTENT_TYPE }),
  );
  return {
    routes: app,
    publicPaths: ['/api/metrics'],
    docs: [{ method: 'get', path: '/metrics', summary: 'Prometheus text format; admin+ or `Authorization: Bearer <metrics.token>`', access: 'admin', response: { status: 200 } }],
  };
}

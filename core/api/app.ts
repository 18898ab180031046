import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Kernel } from '../kernel/index.js';
import type { PluginHost } from '../plugins/index.js';
import { createAutomationRoutes, type AutomationRouteDeps } from '../automation/index.js';
import { errorResponse } from './errors.js';

export interface ApiDeps {
  kernel: Kernel;
  plugins: PluginHost;
  log: Logger;
  version: string;
  startedAt: number;
  automations?: AutomationRouteDeps;
}

export function createApp(deps: ApiDeps): Hono {
  const app = new Hono();
  app.onError((err, c) => errorResponse(err, c, deps.log));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404));
  app.get('/api/health', (c) =>
    c.json({ status: 'ok', version: deps.version, uptimeS: Math.round((Date.now() - deps.startedAt) / 1000) }),
  );
  if (deps.automations) app.route('/', createAutomationRoutes(deps.automations));
  return app;
}

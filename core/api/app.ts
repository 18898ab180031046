import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import type { Logger } from 'pino';
import type { SimBoard } from '../../hardware/index.js';
import type { Auth } from '../auth/index.js';
import type { Kernel } from '../kernel/index.js';
import type { PluginHost } from '../plugins/index.js';
import { nodeAddress } from './address.js';
import type { ApiEnv } from './env.js';
import { errorResponse } from './errors.js';
import { mountDashboard } from './static.js';
import { authenticate } from './middleware/authenticate.js';
import { closeWhenBodyUnread, limitBody } from './middleware/body.js';
import { securityHeaders } from './middleware/security-headers.js';
import { buildOpenApi } from './openapi.js';
import type { RouteModule } from './route-module.js';
import { accountRoutes } from './routes/account.js';
import { authRoutes } from './routes/auth.js';
import { entityRoutes } from './routes/entities.js';
import { invitationRoutes } from './routes/invitations.js';
import { systemRoutes } from './routes/system.js';
import { userRoutes } from './routes/users.js';
import { wsRoutes, type WsOptions } from './ws/route.js';
import type { PeopleLocations } from './ws/people-fanout.js';

export interface ApiDeps {
  kernel: Kernel;
  plugins: Pick<PluginHost, 'list'>;
  auth: Auth;
  log: Logger;
  version: string;
  startedAt: number;
  /** The simulated board, when running on it (`hardware.sim`). */
  sim?: SimBoard;
  /** Feature routes mounted under /api after authentication: history, automations, ops … */
  modules?: readonly (RouteModule | Hono<ApiEnv>)[];
  /** Default: `upgradeWebSocket` of @hono/node-server; Bun passes its own. */
  upgradeWebSocket?: UpgradeWebSocket;
  /** Default: the Node socket's peer address. */
  addressOf?: (c: HonoContext) => string;
  ws?: WsOptions;
  /** Counts open WebSocket clients, for the metrics. */
  wsClients?: { open: number };
  /** Times every request, for the metrics (mounted before anything else). */
  requestMetrics?: MiddlewareHandler;
  /** Open alerts shown live, for WebSocket `subscribe_alerts`. */
  openAlerts?: () => number;
  /** "I am here" pins, for WebSocket `subscribe_people`. */
  people?: PeopleLocations;
}

export function createApp(deps: ApiDeps): Hono<ApiEnv> {
  const { kernel, auth } = deps;
  const app = new Hono<ApiEnv>();
  app.onError((err, c) => errorResponse(err, c, deps.log));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404));

  const own: RouteModule[] = [
    systemRoutes({ version: deps.version, startedAt: deps.startedAt, plugins: deps.plugins, bus: kernel.bus, ...(deps.sim && { sim: deps.sim }) }),
    authRoutes(auth, kernel.bus),
    accountRoutes(auth, kernel.bus),
    invitationRoutes(auth, kernel.bus),
    userRoutes(auth, kernel.bus),
    entityRoutes(kernel),
    wsRoutes({ kernel, auth, log: deps.log, ...(deps.upgradeWebSocket && { upgradeWebSocket: deps.upgradeWebSocket }), ...(deps.ws && { options: deps.ws }), ...(deps.wsClients && { clients: deps.wsClients }), ...(deps.openAlerts && { openAlerts: deps.openAlerts }), ...(deps.people && { people: deps.people }) }),
  ];
  const modules = [...own, ...(deps.modules ?? []).map((m) => (m instanceof Hono ? { routes: m } : m))];
  const docs = modules.flatMap((m) => m.docs ?? []);
  // Built on first request: converting every route's zod schemas takes start-up time and
  // the document would sit in the heap of a hub nobody asks for it.
  let openapi: ReturnType<typeof buildOpenApi> | undefined;
  const publicPaths = new Set(['/api/openapi.json', ...modules.flatMap((m) => m.publicPaths ?? [])]);

  const largeBodies = modules.flatMap((m) => m.bodyLimits ?? []).map((l) => ({ pattern: l.pattern, limit: limitBody(l.maxBytes) }));
  const defaultLimit = limitBody();
  const bodyLimit: MiddlewareHandler<ApiEnv> = (c, next) => (largeBodies.find((l) => l.pattern.test(c.req.path))?.limit ?? defaultLimit)(c, next);

  if (deps.requestMetrics) app.use('*', deps.requestMetrics);
  app.use('*', closeWhenBodyUnread(), securityHeaders());
  app.use('/api/*', bodyLimit, authenticate({ auth, publicPaths, addressOf: deps.addressOf ?? nodeAddress }));
  app.get('/api/openapi.json', (c) => c.json((openapi ??= buildOpenApi(docs, deps.version))));
  for (const module of modules) app.route('/api', module.routes);
  mountDashboard(app);
  return app;
}

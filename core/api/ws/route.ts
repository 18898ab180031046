import { upgradeWebSocket as nodeUpgradeWebSocket } from '@hono/node-server';
import { Hono } from 'hono';
import type { UpgradeWebSocket, WSContext } from 'hono/ws';
import type { Logger } from 'pino';
import type { Auth } from '../../auth/index.js';
import { HearthError } from '../../errors.js';
import type { Kernel } from '../../kernel/index.js';
import type { ApiEnv, ApiUser } from '../env.js';
import { isSameOrigin } from '../middleware/authenticate.js';
import type { RouteModule } from '../route-module.js';
import { createWsFanout } from './fanout.js';
import type { PeopleLocations } from './people-fanout.js';
import { DEFAULT_WS_OPTIONS, createWsSession, type WsOptions, type WsSession } from './session.js';

export type { WsOptions } from './session.js';

/** What the adapter uses of the runtime's socket when present (`ws` on Node has all of it). */
interface RawSocket {
  bufferedAmount?: number;
  ping?: () => void;
  terminate?: () => void;
  on?: (event: 'pong', listener: () => void) => void;
}

class UpgradeRequiredError extends HearthError {
  override readonly status = 426;
  override readonly code = 'upgrade_required';
}

export interface WsRouteDeps {
  kernel: Kernel;
  auth: Auth;
  log: Logger;
  upgradeWebSocket?: UpgradeWebSocket;
  options?: Partial<WsOptions> & { heartbeatMs?: number };
  /** Counts open sockets, for the metrics. */
  clients?: { open: number };
  /** Open alerts shown live, for `subscribe_alerts`. */
  openAlerts?: () => number;
  /** "I am here" pins, for `subscribe_people`. */
  people?: PeopleLocations;
}

/** `GET /api/ws`: the socket adapter around the runtime-neutral protocol session. */
export function wsRoutes(deps: WsRouteDeps): RouteModule {
  const { kernel, auth, log } = deps;
  const upgrade: UpgradeWebSocket = deps.upgradeWebSocket ?? nodeUpgradeWebSocket;
  const { heartbeatMs = 30_000, ...wsOptions } = deps.options ?? {};
  const options: WsOptions = { ...DEFAULT_WS_OPTIONS, ...wsOptions };
  const fanout = createWsFanout({ kernel, options, resolveUserName: (id) => auth.users.nameOf(id), ...(deps.openAlerts && { openAlerts: deps.openAlerts }), ...(deps.people && { people: deps.people }) });
  const routes = new Hono<ApiEnv>();

  routes.get(
    '/ws',
    async (c, next) => {
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') throw new UpgradeRequiredError('this is a WebSocket endpoint; connect with a WebSocket client');
      await next();
    },
    upgrade((c) => {
      // A cookie at upgrade counts only from our own pages (cross-site WebSocket hijacking).
      const credential = c.get('credential');
      const trusted = credential && (credential.via === 'bearer' || isSameOrigin(c.req.raw.headers));
      const user: ApiUser | undefined = trusted ? c.get('user') : undefined;
      // The session or token the socket is signed in with, to end the socket when it is revoked.
      let tokenId = user && credential?.tokenId;
      const address = c.get('address');
      let session: WsSession | undefined;
      let heartbeat: ReturnType<typeof setInterval> | undefined;
      return {
        onOpen(_event, ws: WSContext) {
          if (deps.clients) deps.clients.open++;
          const raw = ws.raw as RawSocket | undefined;
          session = createWsSession({
            kernel,
            fanout,
            address,
            ...(user && { user }),
            authenticate: (token) => {
              const found = auth.authenticate(token);
              tokenId = found?.tokenId;
              return found?.user;
            },
            stillSignedIn: () => tokenId !== undefined && auth.tokens.isLive(tokenId),
            send: (text) => ws.send(text),
            close: (code, reason) => ws.close(code, reason),
            bufferedAmount: () => raw?.bufferedAmount ?? 0,
            options,
          });
          // A socket that misses one pong round is dead (a phone that left the Wi-Fi): drop it.
          const pings = raw?.ping && raw.terminate && raw.on ? raw : undefined;
          let alive = true;
          pings?.on?.('pong', () => (alive = true));
          heartbeat = setInterval(() => {
            session?.recheck();
            if (!pings) return;
            if (!alive) return pings.terminate?.();
            alive = false;
            pings.ping?.();
          }, heartbeatMs);
          heartbeat.unref?.();
        },
        onMessage(event) {
          if (typeof event.data !== 'string') return session?.receive('');
          session?.receive(event.data);
        },
        onClose() {
          if (deps.clients) deps.clients.open--;
          clearInterval(heartbeat);
          session?.dispose();
        },
        onError(event) {
          log.debug({ event: event.type }, 'websocket error');
        },
      };
    }),
  );

  return {
    routes,
    publicPaths: ['/api/ws'],
    docs: [{ method: 'get', path: '/ws', summary: 'WebSocket stream (DESIGN §8): cookie at upgrade or a first {type:"auth", token} message', access: 'public' }],
  };
}

import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

export interface HttpServer {
  /** The URL a person on this machine opens. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Serves the app on Node, with `upgradeWebSocket` routes backed by `ws`. */
export function startHttpServer(app: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> }, options: { port: number; host: string }): Promise<HttpServer> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  return new Promise((resolve, reject) => {
    const server: ServerType = serve({ fetch: app.fetch, port: options.port, hostname: options.host, websocket: { server: wss } }, (info: AddressInfo) => {
      const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
      resolve({
        url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${info.port}/`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            for (const client of wss.clients) client.terminate();
            wss.close();
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}

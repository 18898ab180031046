/** The I/O of each channel type; what goes on the wire is built in messages.ts. */
import { createTransport as createMailTransport } from 'nodemailer';
import type { EmailChannelConfig, NotifyChannelConfig } from '../config/index.js';
import { mailMessage, mqttPayload, ntfyRequest, webhookRequest, type HttpRequest } from './messages.js';
import type { ChannelSecrets } from './secrets.js';
import type { Notification } from './types.js';

/** One notification to one place: the channel's own target, or a user's (their ntfy topic or e-mail address). */
export interface Delivery {
  notification: Notification;
  /** A user's target on a per-user channel; absent for the channel's configured one. */
  user?: { name: string; ntfyTopicUrl?: string; email?: string };
}

export interface Transport {
  send(delivery: Delivery): Promise<void>;
  close(): void;
}

export interface TransportDeps {
  secrets: ChannelSecrets;
  /** Publishes on the hub's MQTT connection; rejects while disconnected. */
  mqttPublish?: (topic: string, payload: string) => Promise<void>;
  now: () => number;
  timeoutMs?: number;
}

export function createTransport(channel: NotifyChannelConfig, deps: TransportDeps): Transport {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const post = (request: HttpRequest) => postJson(request, timeoutMs);
  switch (channel.type) {
    case 'ntfy':
      return {
        send: ({ notification, user }) => post(ntfyRequest(channel, user?.ntfyTopicUrl ?? channel.url, notification, deps.secrets.token)),
        close: () => {},
      };
    case 'webhook':
      return { send: ({ notification }) => post(webhookRequest(channel.url, channel.headers, channel.id, notification, deps.secrets.secret, deps.now())), close: () => {} };
    case 'email':
      return emailTransport(channel, deps.secrets.password, timeoutMs);
    case 'mqtt': {
      const publish = deps.mqttPublish;
      if (!publish) throw new Error(`channel '${channel.id}' needs the hub's mqtt: connection`);
      return { send: ({ notification }) => publish(channel.topic, mqttPayload(notification, deps.now())), close: () => {} };
    }
  }
}

async function postJson({ url, headers, body }: HttpRequest, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (err) {
    // fetch's own message is a bare "fetch failed"; the cause says why (ECONNREFUSED, a timeout).
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`cannot reach ${new URL(url).host}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
  await response.body?.cancel();
  if (!response.ok) throw new Error(`${new URL(url).host} answered ${response.status} ${response.statusText}`.trim());
}

function emailTransport(channel: EmailChannelConfig, password: string | undefined, timeoutMs: number): Transport {
  const { smtp } = channel;
  const mailer = createMailTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: !smtp.secure && smtp.requireTls,
    tls: { rejectUnauthorized: smtp.rejectUnauthorized },
    ...(smtp.user && { auth: { user: smtp.user, ...(password && { pass: password }) } }),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send({ notification, user }) {
      const to = user ? (user.email ? [user.email] : []) : channel.to;
      if (!to.length) return;
      await mailer.sendMail(mailMessage(channel.from, to, notification));
    },
    close: () => mailer.close(),
  };
}

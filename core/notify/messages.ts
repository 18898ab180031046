/** What each channel type sends for a notification: pure, so the wire formats are tested without a server. */
import { createHmac } from 'node:crypto';
import { NTFY_PRIORITIES, type NtfyChannelConfig } from '../config/index.js';
import type { Notification } from './types.js';

export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

const SEVERITY_PRIORITY = { info: 3, warning: 4, critical: 5 } as const;
const SEVERITY_TAG = { info: 'information_source', warning: 'warning', critical: 'rotating_light' } as const;

/**
 * ntfy's JSON publishing (POST to the server root, the topic in the body) rather than
 * headers: a title in headers must be ASCII, and "Salle de bain: fenêtre ouverte" is not.
 * The channel's priority is a floor; `silent` sends at `min` (no sound, no vibration).
 */
export function ntfyRequest(channel: NtfyChannelConfig, topicUrl: string, n: Notification, token: string | undefined): HttpRequest {
  const url = new URL(topicUrl);
  const topic = url.pathname.replace(/^\/+|\/+$/g, '');
  url.pathname = '/';
  const floor = NTFY_PRIORITIES.indexOf(channel.priority) + 1;
  const priority = n.silent ? 1 : Math.max(floor, SEVERITY_PRIORITY[n.severity]);
  const body = { topic, title: n.title, message: n.message, priority, tags: [...channel.tags, SEVERITY_TAG[n.severity]], ...(n.url && { click: n.url }) };
  return { url: url.href, headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) }, body: JSON.stringify(body) };
}

/** The topic URL of a user's own topic on a per-user channel's server. */
export function userTopicUrl(serverUrl: string, topic: string): string {
  return new URL(encodeURIComponent(topic), serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`).href;
}

export const SIGNATURE_HEADER = 'x-hearth-signature';

/** `sha256=<hex>` over the exact body bytes, as GitHub signs its webhooks: the receiver recomputes it with the shared secret. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function webhookRequest(url: string, headers: Readonly<Record<string, string>>, channelId: string, n: Notification, secret: string | undefined, nowMs: number): HttpRequest {
  const body = JSON.stringify({ channel: channelId, sentAt: new Date(nowMs).toISOString(), ...n });
  return { url, headers: { ...headers, 'content-type': 'application/json', ...(secret && { [SIGNATURE_HEADER]: signature(secret, body) }) }, body };
}

export interface MailMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  priority: 'high' | 'normal';
}

export function mailMessage(from: string, to: readonly string[], n: Notification): MailMessage {
  const lines = [n.message, ...(n.entity ? [``, `Entity: ${n.entity}`] : []), ...(n.url ? [``, n.url] : [])];
  const prefix = n.severity === 'info' ? '' : `[${n.severity}] `;
  return { from, to: [...to], subject: `${prefix}${n.title}`, text: lines.join('\n'), priority: n.severity === 'critical' ? 'high' : 'normal' };
}

export function mqttPayload(n: Notification, nowMs: number): string {
  return JSON.stringify({ sentAt: new Date(nowMs).toISOString(), ...n });
}

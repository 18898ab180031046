/**
 * The `notify:` section (docs/configuration.md#notifications): the channels notifications go out on.
 * Secrets (`token`, `secret`, `smtp.password`) may be left out here and come from
 * `HEARTH_NOTIFY_<ID>_<FIELD>` environment variables, or be written as `!secret key`.
 */
import { z } from 'zod';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day like 22:00 (00:00 to 23:59)');

/** Non-critical notifications arriving between `from` and `to` (local time, may span midnight) are held until `to`. */
export const quietHoursSchema = z
  .strictObject({ from: clock, to: clock })
  .refine((q) => q.from !== q.to, { path: ['to'], message: 'must differ from from (quiet all day is no channel at all)' });
export type QuietHours = z.output<typeof quietHoursSchema>;

const channelId = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _, starting with a letter')
  .refine((id) => id !== 'dashboard', 'dashboard is the built-in channel');

/** Per-user delivery: each listed user's own target (set in Settings), or every user who set one. */
const users = z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]);

const retry = z
  .strictObject({
    /** First retry after this, doubled per failure up to `maxS`. */
    minS: z.number().positive().max(3600).default(5),
    maxS: z.number().positive().max(86_400).default(300),
    /** A notification still undelivered after this is dropped (counted in the status). */
    giveUpAfterS: z.number().positive().max(7 * 86_400).default(86_400),
  })
  .refine((r) => r.minS <= r.maxS, { path: ['maxS'], message: 'must be at least minS' });

const common = {
  id: channelId,
  /** Sent on when a notification names no channels (the `notify` action without `channels`, alerts without `notify`). */
  default: z.boolean().default(true),
  quietHours: quietHoursSchema.optional(),
  retry: retry.prefault({}),
  users: users.optional(),
};

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' });
const NTFY_PRIORITIES = ['min', 'low', 'default', 'high', 'urgent'] as const;

const ntfy = z.strictObject({
  ...common,
  type: z.literal('ntfy'),
  /** The topic URL (`https://ntfy.sh/our-home`); with `users`, the server (`https://ntfy.sh`) each user's topic is on. */
  url: httpUrl,
  /** The lowest priority sent; warnings go out at least `high`, critical ones `urgent`. */
  priority: z.enum(NTFY_PRIORITIES).default('default'),
  tags: z.array(z.string().min(1)).default([]),
  /** An access token (`Authorization: Bearer`); else $HEARTH_NOTIFY_<ID>_TOKEN. */
  token: z.string().min(1).optional(),
});

const webhook = z.strictObject({
  ...common,
  type: z.literal('webhook'),
  url: httpUrl,
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'a header name'), z.string()).default({}),
  /** Signs the body: `X-Hearth-Signature: sha256=<hex HMAC>`; else $HEARTH_NOTIFY_<ID>_SECRET. */
  secret: z.string().min(1).optional(),
});

const email = z.strictObject({
  ...common,
  type: z.literal('email'),
  smtp: z.strictObject({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(587),
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean().default(false),
    /** Refuse to send unless the server upgrades with STARTTLS. */
    requireTls: z.boolean().default(true),
    /** Off only for a server with a self-signed certificate on the local network. */
    rejectUnauthorized: z.boolean().default(true),
    user: z.string().min(1).optional(),
    /** Else $HEARTH_NOTIFY_<ID>_PASSWORD. */
    password: z.string().min(1).optional(),
  }),
  from: z.string().min(3),
  to: z.array(z.string().min(3)).default([]),
});

const mqtt = z.strictObject({
  ...common,
  type: z.literal('mqtt'),
  /** Published (not retained) on the hub's own MQTT connection (`mqtt:`). */
  topic: z.string().min(1).regex(/^[^#+]+$/, 'no MQTT wildcards'),
});

export const notifyChannelSchema = z
  .discriminatedUnion('type', [ntfy, webhook, email, mqtt])
  .superRefine((c, ctx) => {
    if (c.type === 'email' && !c.to.length && !c.users) ctx.addIssue({ code: 'custom', path: ['to'], message: 'give to: [addresses], users: or both' });
    if (c.type === 'email' && c.smtp.password && !c.smtp.user) ctx.addIssue({ code: 'custom', path: ['smtp', 'user'], message: 'a password needs a user' });
    if (c.users && (c.type === 'webhook' || c.type === 'mqtt')) ctx.addIssue({ code: 'custom', path: ['users'], message: 'only ntfy and email channels reach users' });
  });

export const notifySchema = z.array(notifyChannelSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((c, i) => {
    if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `a second channel with id '${c.id}'` });
    seen.add(c.id);
  });
});

export type NotifyChannelConfig = z.output<typeof notifyChannelSchema>;
export type NtfyChannelConfig = Extract<NotifyChannelConfig, { type: 'ntfy' }>;
export type WebhookChannelConfig = Extract<NotifyChannelConfig, { type: 'webhook' }>;
export type EmailChannelConfig = Extract<NotifyChannelConfig, { type: 'email' }>;
export type MqttChannelConfig = Extract<NotifyChannelConfig, { type: 'mqtt' }>;
export { NTFY_PRIORITIES };

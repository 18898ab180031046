import { z } from 'zod';

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

const entityId = z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, 'an entity id such as binary_sensor.front_door');
const channelId = z.string().min(1).max(64);

/**
 * What raises an alert: the `alert` automation action, `ctx.alerts.raise` and the hub's
 * own watchers all go through this one schema, so they fail the same way.
 */
export const alertRaiseSchema = z.strictObject({
  severity: z.enum(SEVERITIES).default('warning'),
  title: z.string().min(1).max(200),
  message: z.string().max(2000).default(''),
  entity: entityId.optional(),
  /** Notification channel ids (`notify:` in the config); absent = the default channels. */
  notify: z.array(channelId).max(20).optional(),
  /** While open, the notification is sent again this often (seconds). */
  repeatEveryS: z.number().int().min(10).max(7 * 86_400).optional(),
  /** A duress alert: no dashboard toast, no live event; only channels flagged for it deliver. */
  silent: z.boolean().optional(),
});

/** What a plugin or an automation gives to raise an alert. */
export type AlertRaise = z.input<typeof alertRaiseSchema>;
export type AlertRaiseParsed = z.output<typeof alertRaiseSchema>;

/** `alarm`, `automation:<id>`, `plugin:<id>` or `hub`. */
export type AlertSource = string;

export type AlertStatus = 'open' | 'acknowledged';

/** An alert as the API and the WebSocket give it (DESIGN §6). */
export interface Alert {
  id: number;
  severity: Severity;
  title: string;
  message: string;
  entityId?: string;
  source: AlertSource;
  status: AlertStatus;
  /** ISO time of the first raise. */
  raisedAt: string;
  /** ISO time of the latest identical raise folded into this one. */
  lastSeenAt: string;
  /** How many identical raises this alert stands for. */
  count: number;
  notify?: string[];
  repeatEveryS?: number;
  silent?: boolean;
  acknowledgedAt?: string;
  /** The user's name (their id when the user is gone). */
  acknowledgedBy?: string;
  note?: string;
}

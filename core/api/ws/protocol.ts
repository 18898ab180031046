import { z } from 'zod';

/** Client → server messages of DESIGN §8. */
const id = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const authMessage = z.strictObject({ type: z.literal('auth'), token: z.string().min(1).max(512) });

export const clientMessage = z.discriminatedUnion('type', [
  z.strictObject({ id, type: z.literal('subscribe_entities'), entityIds: z.array(z.string().max(200)).max(10_000).optional() }),
  z.strictObject({ id, type: z.literal('command'), entityId: z.string().max(200), command: z.string().max(64), params: z.record(z.string(), z.unknown()).optional() }),
  z.strictObject({ id, type: z.literal('subscribe_logbook') }),
  z.strictObject({ id, type: z.literal('subscribe_automation_traces'), automationId: z.string().min(1).max(200).optional() }),
  z.strictObject({ id, type: z.literal('subscribe_alerts') }),
  z.strictObject({ id, type: z.literal('subscribe_notifications') }),
  z.strictObject({ id, type: z.literal('subscribe_people') }),
  z.strictObject({ id, type: z.literal('unsubscribe'), subscription: id }),
  z.strictObject({ id, type: z.literal('ping') }),
]);

export type ClientMessage = z.infer<typeof clientMessage>;

export interface WsError {
  code: string;
  message: string;
}

/** Server → client messages. */
export type ServerMessage =
  | { type: 'auth_required' }
  | { type: 'auth_ok'; user: { id: string; username: string; role: string } }
  | { type: 'auth_invalid'; message: string }
  | { id: number | null; type: 'result'; success: true; result?: unknown }
  | { id: number | null; type: 'result'; success: false; error: WsError }
  | { id: number; type: 'event'; event: unknown }
  | { id: number; type: 'pong' };

/**
 * Entity and logbook batches go out at most once per this many ms; after a quiet spell the
 * first change goes out at once. 25 rather than DESIGN §8's 50: under a steady stream a change
 * waits up to a whole window for the next batch, and 50 ms of waiting alone used up the whole
 * 50 ms p99 delivery budget (docs/api.md, docs/benchmarks.md#ws-fanout).
 */
export const BATCH_WINDOW_MS = 25;

/** Close codes (4000–4999 are ours). */
export const CLOSE = {
  authFailed: 4001,
  authTimeout: 4002,
  tooSlow: 4008,
} as const;

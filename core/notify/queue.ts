import type { Logger } from 'pino';
import { errorMessage } from '../errors.js';

export interface RetryPolicy {
  minS: number;
  maxS: number;
  giveUpAfterS: number;
}

/** A channel's health as `GET /api/notify/channels` shows it. */
export interface QueueStatus {
  state: 'ok' | 'failing';
  /** ISO time of the first failure of the current streak. */
  failingSince?: string;
  lastError?: string;
  lastSuccessAt?: string;
  /** ISO time of the next attempt while failing. */
  nextRetryAt?: string;
  /** Waiting to be sent (the one being retried included). */
  pending: number;
  /** Held by quiet hours. */
  held: number;
  delivered: number;
  /** Given up on (too old, or the queue was full). */
  dropped: number;
}

export interface ChannelQueue<T> {
  push(item: T): void;
  /** Queues `item` at `untilMs` (quiet hours). */
  hold(item: T, untilMs: number): void;
  status(): QueueStatus;
  /** Drops everything and cancels the timers; a delivery under way finishes unobserved. */
  stop(): void;
}

export interface QueueDeps<T> {
  deliver(item: T): Promise<void>;
  retry: RetryPolicy;
  log: Logger;
  now?: () => number;
  /** Above this, the oldest waiting item is dropped: a channel down for days must not eat the Pi's memory. */
  maxPending?: number;
}

/**
 * One channel's deliveries, in order, one at a time. A failure keeps the item at the head
 * and retries it after minS, doubling up to maxS, until it is older than giveUpAfterS.
 * Nothing here throws to the caller: push returns at once.
 */
export function createChannelQueue<T>(deps: QueueDeps<T>): ChannelQueue<T> {
  const { retry, log } = deps;
  const now = deps.now ?? Date.now;
  const maxPending = deps.maxPending ?? 100;
  const waiting: { item: T; queuedAt: number }[] = [];
  const holds = new Set<ReturnType<typeof setTimeout>>();
  let busy = false;
  let stopped = false;
  let attempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const status: Omit<QueueStatus, 'pending' | 'held'> = { state: 'ok', delivered: 0, dropped: 0 };

  const backoffMs = () => Math.min(retry.minS * 2 ** (attempts - 1), retry.maxS) * 1000;

  async function pump(): Promise<void> {
    if (busy || stopped || retryTimer) return;
    const head = waiting[0];
    if (!head) return;
    busy = true;
    try {
      await deps.deliver(head.item);
      if (stopped) return;
      waiting.shift();
      attempts = 0;
      status.delivered++;
      if (status.state === 'failing') log.info({ failingSince: status.failingSince }, 'notification channel recovered');
      Object.assign(status, { state: 'ok', lastSuccessAt: new Date(now()).toISOString(), failingSince: undefined, lastError: undefined });
    } catch (err) {
      if (stopped) return;
      attempts++;
      const message = errorMessage(err);
      if (status.state === 'ok') log.warn({ err: message }, 'notification channel failing; retrying with back-off');
      Object.assign(status, { state: 'failing', lastError: message, failingSince: status.failingSince ?? new Date(now()).toISOString() });
      if (now() - head.queuedAt >= retry.giveUpAfterS * 1000) {
        waiting.shift();
        attempts = 0;
        status.dropped++;
        log.warn({ err: message, queuedAt: new Date(head.queuedAt).toISOString() }, 'notification dropped: undelivered for too long');
      } else {
        const delay = backoffMs();
        status.nextRetryAt = new Date(now() + delay).toISOString();
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          status.nextRetryAt = undefined;
          void pump();
        }, delay);
      }
    } finally {
      busy = false;
    }
    void pump();
  }

  function push(item: T): void {
    if (stopped) return;
    waiting.push({ item, queuedAt: now() });
    // Never the head while it is being sent: that one stays until it succeeds or is given up.
    if (waiting.length > maxPending) {
      waiting.splice(busy || retryTimer ? 1 : 0, 1);
      status.dropped++;
    }
    void pump();
  }

  return {
    push,
    hold(item, untilMs) {
      if (stopped) return;
      const timer = setTimeout(() => {
        holds.delete(timer);
        push(item);
      }, Math.max(0, untilMs - now()));
      holds.add(timer);
    },
    status: () => ({ ...status, pending: waiting.length, held: holds.size }),
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      for (const timer of holds) clearTimeout(timer);
      holds.clear();
      waiting.length = 0;
    },
  };
}

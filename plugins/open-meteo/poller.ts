import type { PluginTimers, TimerHandle } from '../../core/plugin-api.js';

export interface PollerOptions<T> {
  timers: Pick<PluginTimers, 'setTimeout'>;
  now(): number;
  intervalMs: number;
  /** Time without a good answer after which `onFailure` reports `expired`. */
  staleAfterMs: number;
  /** When the last good answer was had before this run (a forecast kept across a restart). */
  lastSuccessAt?: number;
  fetch(): Promise<T>;
  onFresh(value: T, at: number): void;
  onFailure(err: unknown, status: { failures: number; expired: boolean }): void;
}

/** The first retry after a failure; each next one waits twice as long, up to the poll interval or 30 min, whichever is longer. */
export const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 30 * 60_000;

/** How long to wait after `failures` failures in a row. */
export function retryDelayMs(failures: number, intervalMs: number): number {
  const first = Math.min(FIRST_RETRY_MS, intervalMs);
  return Math.min(first * 2 ** (failures - 1), Math.max(intervalMs, LONGEST_RETRY_MS));
}

/**
 * Fetches now, then every `intervalMs`; after a failure it retries sooner and then
 * backs off, so a short outage is bridged quickly and a long one is not hammered.
 * Staleness counts from the last good answer (or from the start when there was none).
 */
export function startPolling<T>(options: PollerOptions<T>): TimerHandle {
  let lastSuccessAt = options.lastSuccessAt ?? options.now();
  let failures = 0;
  let stopped = false;
  let timer: TimerHandle;
  const poll = async (): Promise<void> => {
    try {
      const value = await options.fetch();
      failures = 0;
      lastSuccessAt = options.now();
      if (!stopped) options.onFresh(value, lastSuccessAt);
    } catch (err) {
      failures += 1;
      if (!stopped) options.onFailure(err, { failures, expired: options.now() - lastSuccessAt >= options.staleAfterMs });
    }
    if (!stopped) timer = options.timers.setTimeout(poll, failures ? retryDelayMs(failures, options.intervalMs) : options.intervalMs);
  };
  timer = options.timers.setTimeout(poll, 0);
  return {
    cancel() {
      stopped = true;
      timer.cancel();
    },
  };
}

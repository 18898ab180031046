export interface RateLimitOptions {
  /** Failures allowed within `windowMs` before the key is blocked. */
  maxFailures: number;
  windowMs: number;
  /** Bound on remembered keys, so a flood of made-up usernames cannot grow memory without end. */
  maxKeys?: number;
}

export interface FailureLimiter {
  /** Seconds until `key` may try again; 0 when it may try now. */
  retryAfterS(key: string): number;
  fail(key: string): void;
  reset(key: string): void;
}

/** Sliding-window failure counter (pure: time comes from `now`). */
export function createFailureLimiter(options: RateLimitOptions, now: () => number = Date.now): FailureLimiter {
  const { maxFailures, windowMs, maxKeys = 10_000 } = options;
  const failures = new Map<string, number[]>();

  function recent(key: string): number[] {
    const cutoff = now() - windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  }

  return {
    retryAfterS(key) {
      const list = recent(key);
      if (list.length < maxFailures) return 0;
      const freeAt = list[list.length - maxFailures]! + windowMs;
      return Math.max(1, Math.ceil((freeAt - now()) / 1000));
    },
    fail(key) {
      const list = recent(key);
      list.push(now());
      failures.delete(key);
      failures.set(key, list.slice(-maxFailures));
      if (failures.size > maxKeys) failures.delete(failures.keys().next().value!);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** 0..1: how much of the delay is randomised, so many tablets do not reconnect in lockstep. */
  jitter?: number;
}

/** Delay before reconnect attempt `attempt` (0-based): exponential, capped, with jitter. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const { baseMs = 500, maxMs = 30_000, jitter = 0.3 } = options;
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  const spread = exp * jitter;
  return Math.round(Math.min(maxMs, exp - spread + random() * spread * 2));
}

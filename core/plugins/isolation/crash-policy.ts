export interface CrashPolicyOptions {
  maxCrashes: number;
  windowMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_CRASH_POLICY: CrashPolicyOptions = { maxCrashes: 5, windowMs: 10 * 60_000, firstDelayMs: 1000, maxDelayMs: 60_000 };

export type CrashDecision = { giveUp: true; crashes: number } | { giveUp: false; crashes: number; delayMs: number };

/** Restart with exponential back-off (1 s → 60 s); give up after `maxCrashes` within `windowMs`. */
export function createCrashPolicy(options: CrashPolicyOptions = DEFAULT_CRASH_POLICY): { record(atMs: number): CrashDecision } {
  let crashes: number[] = [];
  return {
    record(atMs) {
      crashes = [...crashes.filter((t) => atMs - t < options.windowMs), atMs];
      if (crashes.length >= options.maxCrashes) return { giveUp: true, crashes: crashes.length };
      const delayMs = Math.min(options.maxDelayMs, options.firstDelayMs * 2 ** (crashes.length - 1));
      return { giveUp: false, crashes: crashes.length, delayMs };
    },
  };
}

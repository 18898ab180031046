import type { PluginFailure, PluginInfo } from './info.js';
import { createCrashPolicy, DEFAULT_CRASH_POLICY, type CrashDecision, type CrashPolicyOptions } from './isolation/crash-policy.js';

export type RestartDecision = CrashDecision & {
  /** The failure and what comes next: `timer: boom; restarting in 2 s`, `…; gave up after 5 crashes in 10 minutes`. */
  reason: string;
};

/**
 * One plugin's failures and restarts, in process or isolated alike: the crash policy
 * decides, and the story keeps what `GET /api/plugins` shows about it.
 */
export interface RestartStory {
  failed(failure: Omit<PluginFailure, 'at'>): RestartDecision;
  /** The delayed restart begins. */
  restarting(): void;
  view(): Pick<PluginInfo, 'restarts' | 'lastFailure' | 'nextRestartAt'>;
}

export function createRestartStory(options: CrashPolicyOptions = DEFAULT_CRASH_POLICY, now: () => number = Date.now): RestartStory {
  const policy = createCrashPolicy(options);
  let restarts = 0;
  let lastFailure: PluginFailure | undefined;
  let nextRestartAt: number | undefined;
  return {
    failed(failure) {
      const at = now();
      lastFailure = { at: new Date(at).toISOString(), ...failure };
      const decision = policy.record(at);
      nextRestartAt = decision.giveUp ? undefined : at + decision.delayMs;
      const how = failure.signal ? ` (signal ${failure.signal})` : failure.exitCode !== undefined ? ` (exit code ${failure.exitCode})` : '';
      const next = decision.giveUp ? `gave up after ${decision.crashes} crashes in ${minutes(options.windowMs)}` : `restarting in ${decision.delayMs / 1000} s`;
      return { ...decision, reason: `${failure.error}${how}; ${next}` };
    },
    restarting() {
      restarts++;
      nextRestartAt = undefined;
    },
    view: () => ({
      restarts,
      ...(lastFailure && { lastFailure }),
      ...(nextRestartAt !== undefined && { nextRestartAt: new Date(nextRestartAt).toISOString() }),
    }),
  };
}

function minutes(ms: number): string {
  const n = ms / 60_000;
  return `${n} minute${n === 1 ? '' : 's'}`;
}

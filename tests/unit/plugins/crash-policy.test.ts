import { describe, expect, it } from 'vitest';
import { createCrashPolicy } from '../../../core/plugins/isolation/crash-policy.js';

describe('crash policy', () => {
  it('backs off exponentially from 1 s and gives up at the fifth crash within ten minutes', () => {
    const policy = createCrashPolicy();
    const decisions = [0, 1, 2, 3, 4].map((i) => policy.record(i * 10_000));
    expect(decisions.map((d) => (d.giveUp ? 'give up' : d.delayMs))).toEqual([1000, 2000, 4000, 8000, 'give up']);
  });

  it('caps the delay at 60 s', () => {
    const policy = createCrashPolicy({ maxCrashes: 20, windowMs: 3_600_000, firstDelayMs: 1000, maxDelayMs: 60_000 });
    const delays = Array.from({ length: 9 }, (_, i) => policy.record(i)).map((d) => (d.giveUp ? -1 : d.delayMs));
    expect(delays.at(-1)).toBe(60_000);
  });

  it('forgets crashes older than the window', () => {
    const policy = createCrashPolicy();
    for (let i = 0; i < 4; i++) policy.record(i * 1000);
    expect(policy.record(11 * 60_000)).toEqual({ giveUp: false, crashes: 1, delayMs: 1000 });
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTimeoutNotEarly } from '../../../core/plugins/deadline-timer.js';

describe('setTimeoutNotEarly', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('re-arms when the timer fires before the wall clock reaches the deadline', () => {
    let lag = 0;
    const now = () => Date.now() - lag;
    const deadline = now() + 100;
    const calls: number[] = [];
    setTimeoutNotEarly(() => calls.push(now()), 100, now);
    // The wall clock falls 1 ms behind the clock timers run on while waiting.
    lag = 1;
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([deadline]);
  });

  it('fires on time when the clocks agree', () => {
    const calls: number[] = [];
    const deadline = Date.now() + 100;
    setTimeoutNotEarly(() => calls.push(Date.now()), 100);
    vi.advanceTimersByTime(99);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([deadline]);
  });

  it('never calls back while the clock says the deadline is ahead, whatever the clock does', () => {
    let offset = 0;
    const now = () => Date.now() - offset;
    const deadline = now() + 50;
    const calls: number[] = [];
    setTimeoutNotEarly(() => calls.push(now()), 50, now);
    // The clock is set back 20 ms while waiting (NTP): the callback waits for it.
    vi.advanceTimersByTime(30);
    offset = 20;
    vi.advanceTimersByTime(20);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(calls).toEqual([deadline]);
  });

  it('cancels, including after a re-arm', () => {
    let lag = 0;
    const calls: number[] = [];
    const cancel = setTimeoutNotEarly(() => calls.push(1), 10, () => Date.now() - lag);
    lag = 5;
    vi.advanceTimersByTime(10);
    cancel();
    lag = 0;
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([]);
  });

  it('waits longer than setTimeout allows (about 24.8 days) without firing at once', () => {
    const calls: number[] = [];
    const days30 = 30 * 24 * 3600_000;
    setTimeoutNotEarly(() => calls.push(Date.now()), days30);
    vi.advanceTimersByTime(days30 - 1);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(1);
  });
});

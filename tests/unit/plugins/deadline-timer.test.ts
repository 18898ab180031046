import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTimeoutNotEarly } from '../../../core/plugins/deadline-timer.js';

/** A wall clock `behind` ms behind the one the (fake) timers run on. */
function skewedClock() {
  const clock = { behind: 0, wall: () => Date.now() - clock.behind, monotonic: () => performance.now() };
  return clock;
}

describe('setTimeoutNotEarly', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
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

  it('fires a fractional delay in its last whole millisecond instead of re-arming past it', () => {
    const calls: number[] = [];
    const start = Date.now();
    // a shutter's run time from an estimated position: re-arming for the 0.4 ms Date.now() cannot show
    // ran the motor a millisecond past its bound (the interlock property test found it)
    setTimeoutNotEarly(() => calls.push(Date.now()), 13_999.4);
    vi.advanceTimersByTime(14_000);
    expect(calls.map((at) => at - start)).toEqual([13_999]);
  });

  it('re-arms when the timer fires before the wall clock reaches the deadline', () => {
    const clock = skewedClock();
    const deadline = clock.wall() + 100;
    const calls: number[] = [];
    setTimeoutNotEarly(() => calls.push(clock.wall()), 100, clock);
    // The wall clock falls 1 ms behind the timers' clock while waiting, as it can on Node.
    clock.behind = 1;
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([deadline]);
  });

  it('waits for a wall clock slewed 20 ms back', () => {
    const clock = skewedClock();
    const deadline = clock.wall() + 50;
    const calls: number[] = [];
    setTimeoutNotEarly(() => calls.push(clock.wall()), 50, clock);
    vi.advanceTimersByTime(30);
    clock.behind = 20;
    vi.advanceTimersByTime(20);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(calls).toEqual([deadline]);
  });

  it('does not wait forever for a wall clock set far back or frozen: it fires by the timers’ clock', () => {
    const frozen = { wall: () => 1_000_000, monotonic: () => performance.now() };
    const calls: number[] = [];
    setTimeoutNotEarly(() => calls.push(performance.now()), 1000, frozen);
    vi.advanceTimersByTime(999);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(1);
  });

  it('cancels, including after a re-arm', () => {
    const clock = skewedClock();
    const calls: number[] = [];
    const cancel = setTimeoutNotEarly(() => calls.push(1), 10, clock);
    clock.behind = 5;
    vi.advanceTimersByTime(10);
    cancel();
    clock.behind = 0;
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

/** Node refuses delays above this (it fires after 1 ms instead); longer waits re-arm. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export interface DeadlineClocks {
  /** The clock deadlines are kept in (plugins compare `Date.now()` with theirs). */
  wall(): number;
  /** The clock timers run on. */
  monotonic(): number;
}

const SYSTEM_CLOCKS: DeadlineClocks = { wall: () => Date.now(), monotonic: () => performance.now() };

/**
 * How far the wall clock may fall behind the timers' clock and still be waited for: rounding
 * (~1 ms) plus NTP slewing (at most 500 ppm) with a margin. Beyond it the wall clock was set
 * back, or is frozen (a test faking only Date): waiting for it could be forever.
 */
const tolerance = (ms: number) => 50 + ms / 1000;

/**
 * A setTimeout that never calls back before its deadline by `Date.now()`. Node's timers run
 * on a monotonic clock rounded to the millisecond, so a timer can fire ~1 ms before the wall
 * clock reaches `start + ms`; a plugin comparing `Date.now()` with its deadline would find it
 * still ahead and do nothing. Here the timer re-arms for the remainder instead, unless the
 * wall clock has fallen behind by more than drift explains. Returns the cancel.
 */
export function setTimeoutNotEarly(fn: () => void, ms: number, clocks: DeadlineClocks = SYSTEM_CLOCKS): () => void {
  const wallStart = clocks.wall();
  const monotonicStart = clocks.monotonic();
  let handle: ReturnType<typeof setTimeout>;
  const arm = (delay: number) => {
    handle = setTimeout(check, Math.min(Math.max(0, delay), MAX_DELAY_MS));
  };
  const check = () => {
    const wallElapsed = clocks.wall() - wallStart;
    const behind = clocks.monotonic() - monotonicStart - wallElapsed;
    // Date.now() counts whole milliseconds: a fractional deadline less than 1 ms ahead is as reached as it can be.
    if (ms - wallElapsed >= 1 && behind <= tolerance(ms)) arm(ms - wallElapsed);
    else fn();
  };
  arm(ms);
  return () => clearTimeout(handle);
}

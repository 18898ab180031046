/** Node refuses delays above this (it fires after 1 ms instead); longer waits re-arm. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * A setTimeout that never calls back before its deadline by `Date.now()`. Node's timers run
 * on a monotonic clock rounded to the millisecond, so a timer can fire ~1 ms before the wall
 * clock reaches `start + ms`; a plugin comparing `Date.now()` with its deadline would find it
 * still ahead and do nothing. Here the timer re-arms for the remainder instead. Returns the cancel.
 */
export function setTimeoutNotEarly(fn: () => void, ms: number, now: () => number = () => Date.now()): () => void {
  const deadline = now() + ms;
  let handle: ReturnType<typeof setTimeout>;
  const arm = (delay: number) => {
    handle = setTimeout(check, Math.min(Math.max(0, delay), MAX_DELAY_MS));
  };
  const check = () => {
    const left = deadline - now();
    if (left > 0) arm(left);
    else fn();
  };
  arm(ms);
  return () => clearTimeout(handle);
}

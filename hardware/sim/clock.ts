/**
 * Simulated wall-clock time for the environment (sun position, outdoor temperature,
 * room thermal drift). It runs `speed` times faster than timer time and can jump, so a
 * demo shows a day in minutes and a test reaches dusk in one call. It reads Date.now(),
 * so vitest fake timers move it too.
 *
 * Relay-driven physics (shutters) deliberately use timer time instead: plugins time
 * their relays with ordinary timers, and the motor must agree with them.
 */
export interface SimClock {
  /** Simulated epoch milliseconds. */
  now(): number;
  speed(): number;
  setSpeed(speed: number): void;
  /** Jump to an instant. */
  set(at: number | Date): void;
  /** Jump forward (or back, with a negative value). */
  advance(ms: number): void;
}

export interface SimClockOptions {
  /** Default: the real current time. */
  start?: number | Date;
  /** Simulated ms per timer ms. Default 1. */
  speed?: number;
}

export function createSimClock(options: SimClockOptions = {}): SimClock {
  let base = options.start === undefined ? Date.now() : +options.start;
  let anchor = Date.now();
  let rate = options.speed ?? 1;
  if (!(rate >= 0)) throw new RangeError(`clock speed must be ≥ 0, got ${rate}`);

  const now = (): number => base + (Date.now() - anchor) * rate;
  const rebase = (to: number): void => {
    base = to;
    anchor = Date.now();
  };

  return {
    now,
    speed: () => rate,
    setSpeed(speed) {
      if (!(speed >= 0)) throw new RangeError(`clock speed must be ≥ 0, got ${speed}`);
      rebase(now());
      rate = speed;
    },
    set(at) {
      rebase(+at);
    },
    advance(ms) {
      rebase(now() + ms);
    },
  };
}

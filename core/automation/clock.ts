/** Time as the engine sees it: the wall clock in the hub, a virtual one in simulations. */
export interface Clock {
  now(): number;
  /** Calls `fn` at `atMs` (at once when it is past); returns a cancel function. */
  at(atMs: number, fn: () => void): () => void;
}

/** setTimeout caps at ~24.8 days; longer waits are chained. */
const MAX_TIMEOUT = 2 ** 31 - 1;

export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    at(atMs, fn) {
      let handle: ReturnType<typeof setTimeout>;
      const arm = () => {
        const wait = atMs - Date.now();
        handle = setTimeout(wait > MAX_TIMEOUT ? arm : fn, Math.min(Math.max(0, wait), MAX_TIMEOUT));
      };
      arm();
      return () => clearTimeout(handle);
    },
  };
}

export interface VirtualClock extends Clock {
  /** Moves time forward to `ms`, firing every timer due on the way, in order, letting each run settle. */
  advanceTo(ms: number): Promise<void>;
}

/** A clock that moves only when told: simulations replay a week in milliseconds. */
export function virtualClock(startMs: number): VirtualClock {
  let now = startMs;
  let seq = 0;
  const timers = new Map<number, { atMs: number; fn: () => void }>();
  const next = () => {
    let best: [number, { atMs: number; fn: () => void }] | undefined;
    for (const entry of timers) if (!best || entry[1].atMs < best[1].atMs || (entry[1].atMs === best[1].atMs && entry[0] < best[0])) best = entry;
    return best;
  };
  return {
    now: () => now,
    at(atMs, fn) {
      const key = seq++;
      timers.set(key, { atMs: Math.max(atMs, now), fn });
      return () => void timers.delete(key);
    },
    async advanceTo(ms) {
      await settle();
      for (let due = next(); due && due[1].atMs <= ms; due = next()) {
        timers.delete(due[0]);
        now = due[1].atMs;
        due[1].fn();
        await settle();
      }
      now = Math.max(now, ms);
    },
  };
}

/** Lets promise chains started by a timer run to their next wait. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

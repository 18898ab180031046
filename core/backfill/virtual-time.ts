/**
 * Virtual time for the whole process: `Date` and the global timers follow a clock that
 * jumps from one due timer to the next instead of waiting, so a simulated week runs in
 * seconds through unchanged code (plugins, croner, the automation engine, the recorder).
 * Between two timers the real event loop turns once, so promise chains and I/O started by
 * a callback settle before time moves on, as they would in real time.
 *
 * Only for a run that owns the process (the demo's backfill, before the hub serves
 * anything): timers created meanwhile by anyone are virtual, and dropped on uninstall.
 */
import { setImmediate as turnRealLoop } from 'node:timers/promises';

export interface VirtualTime {
  now(): number;
  /** Runs due timers in time order until `work` settles (startup and shutdown, which may wait on timers); its result. */
  drive<T>(work: Promise<T>): Promise<T>;
  /** Runs every timer due up to `until`, in time order; the clock then reads `until`. Answers how many ran. */
  runUntil(until: number): Promise<number>;
  /** Puts the real `Date` and timers back; virtual timers still pending are dropped. */
  uninstall(): void;
}

/**
 * How long `drive` waits on nothing but real I/O before virtual time moves on: this many
 * real milliseconds, and at least this many turns of the real loop. Counting turns matters
 * when a callback blocks the loop (a first `listen` or `require` can take 100 ms on a busy
 * Pi): the time it blocked is not time spent waiting, and the ticks it queued have not run yet.
 */
const IDLE_MS = 2;
const IDLE_TURNS = 2;

type Callback = (...args: unknown[]) => void;

/** A timer handle with what Node's `Timeout` offers callers (ref/unref are moot here). */
class VirtualTimer {
  cancelled = false;
  constructor(
    readonly id: number,
    /** When it runs next; a queue entry for another instant is stale (refreshed). */
    public due: number,
    readonly delay: number,
    readonly repeat: boolean,
    readonly fn: Callback,
    readonly args: unknown[],
    private readonly requeue: (timer: VirtualTimer) => void,
  ) {}
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  hasRef(): boolean {
    return true;
  }
  refresh(): this {
    this.requeue(this);
    return this;
  }
  [Symbol.toPrimitive](): number {
    return this.id;
  }
}

interface Entry {
  at: number;
  seq: number;
  timer: VirtualTimer;
}

/** A binary min-heap on (at, seq): same-instant timers run in the order they were set, as Node's do. */
function createQueue() {
  const heap: Entry[] = [];
  const before = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  return {
    push(entry: Entry): void {
      heap.push(entry);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!before(heap[i]!, heap[parent]!)) break;
        swap(i, parent);
        i = parent;
      }
    },
    peek: (): Entry | undefined => heap[0],
    pop(): void {
      const last = heap.pop();
      if (!heap.length || !last) return;
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        let least = i;
        if (l < heap.length && before(heap[l]!, heap[least]!)) least = l;
        if (l + 1 < heap.length && before(heap[l + 1]!, heap[least]!)) least = l + 1;
        if (least === i) return;
        swap(i, least);
        i = least;
      }
    },
  };
}

/**
 * Replaces `Date`, `setTimeout`, `setInterval` and their `clear…` on `globalThis`, starting
 * the clock at `start`. `onError` hears callbacks that throw (real ones would be uncaught).
 */
export function installVirtualTime(start: number, onError: (err: unknown) => void): VirtualTime {
  const real = {
    Date: globalThis.Date,
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    setInterval: globalThis.setInterval,
    clearInterval: globalThis.clearInterval,
  };
  const RealDate = real.Date;
  let clock = start;
  let seq = 0;
  let ids = 0;
  const queue = createQueue();
  const byId = new Map<number, VirtualTimer>();
  const now = () => clock;

  const schedule = (timer: VirtualTimer, at: number): void => {
    timer.due = at;
    queue.push({ at, seq: ++seq, timer });
  };
  const requeue = (timer: VirtualTimer): void => {
    timer.cancelled = false;
    byId.set(timer.id, timer);
    schedule(timer, clock + timer.delay);
  };
  function add(fn: Callback, ms: unknown, args: unknown[], repeat: boolean): VirtualTimer {
    // Node's rule: a delay that is not a number ≥ 1 is 1
    const delay = typeof ms === 'number' && ms >= 1 ? ms : 1;
    const timer = new VirtualTimer(++ids, clock + delay, delay, repeat, fn, args, requeue);
    byId.set(timer.id, timer);
    schedule(timer, timer.due);
    return timer;
  }
  const clear = (handle: unknown): void => {
    const timer = handle instanceof VirtualTimer ? handle : typeof handle === 'number' ? byId.get(handle) : undefined;
    if (timer) {
      timer.cancelled = true;
      byId.delete(timer.id);
    } else real.clearTimeout(handle as Parameters<typeof clearTimeout>[0]);
  };

  class VirtualDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock);
      else super(...(args as [string]));
    }
    static override now(): number {
      return clock;
    }
    // dates made before the switch are dates too
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }

  const g = globalThis as unknown as Record<string, unknown>;
  g.Date = VirtualDate;
  g.setTimeout = (fn: Callback, ms?: number, ...args: unknown[]) => add(fn, ms, args, false);
  g.setInterval = (fn: Callback, ms?: number, ...args: unknown[]) => add(fn, ms, args, true);
  g.clearTimeout = clear;
  g.clearInterval = clear;

  /** Runs the next timer if it is due by `until`; false when none is. */
  async function step(until: number): Promise<boolean> {
    const next = queue.peek();
    if (!next || next.at > until) return false;
    queue.pop();
    const { timer } = next;
    if (timer.cancelled || timer.due !== next.at) return true;
    clock = Math.max(clock, next.at);
    if (timer.repeat) schedule(timer, clock + timer.delay);
    else byId.delete(timer.id);
    try {
      timer.fn(...timer.args);
    } catch (err) {
      onError(err);
    }
    await turnRealLoop();
    return true;
  }

  return {
    now,
    async drive(work) {
      let settled = false;
      const watched = work.finally(() => (settled = true));
      let idleSince = performance.now();
      let idleTurns = 0;
      const busy = () => {
        idleSince = performance.now();
        idleTurns = 0;
      };
      while (!settled) {
        // what is due now runs now; time moves on only once `work` waits on nothing but a timer
        // (a real wait — a file read — would otherwise see its timeout fire at once)
        if (await step(clock)) busy();
        else if (idleTurns < IDLE_TURNS || performance.now() - idleSince < IDLE_MS) {
          await turnRealLoop();
          idleTurns++;
        } else if (await step(Infinity)) busy();
        else idleSince = performance.now();
      }
      return watched;
    },
    async runUntil(until) {
      let ran = 0;
      while (await step(until)) ran++;
      clock = Math.max(clock, until);
      return ran;
    },
    uninstall() {
      Object.assign(g, real);
    },
  };
}

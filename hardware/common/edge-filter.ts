import type { Edge, Level, Unwatch } from '../gpio.js';

/**
 * Turns raw level samples of one input line into debounced, edge-filtered reports.
 * Both backends feed it, so a plugin sees the same watch behaviour on the sim board
 * and on a Pi: a level must hold `debounceMs` before it counts, and only a change from
 * the last reported level is reported (a bounce back to the old level reports nothing).
 */
export interface EdgeFilter {
  /** A raw (logical) level seen on the line. */
  sample(value: Level): void;
  watch(cb: (value: Level, atMs: number) => void): Unwatch;
  /** The last reported (debounced) level. */
  readonly value: Level;
  dispose(): void;
}

export function createEdgeFilter(options: {
  initial: Level;
  edge: Edge;
  debounceMs: number;
  onError?: (err: unknown) => void;
}): EdgeFilter {
  const watchers = new Set<(value: Level, atMs: number) => void>();
  let reported = options.initial;
  let pending = options.initial;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const wanted = (value: Level): boolean =>
    options.edge === 'both' || (options.edge === 'rising' ? value === 1 : value === 0);

  const settle = (): void => {
    timer = undefined;
    if (pending === reported) return;
    reported = pending;
    if (!wanted(reported)) return;
    const atMs = Date.now();
    for (const cb of [...watchers]) {
      // One broken watcher must not starve the others of the edge.
      try {
        cb(reported, atMs);
      } catch (err) {
        options.onError?.(err);
      }
    }
  };

  return {
    sample(value) {
      pending = value;
      if (options.debounceMs <= 0) {
        settle();
        return;
      }
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(settle, options.debounceMs);
    },
    watch(cb) {
      watchers.add(cb);
      return () => {
        watchers.delete(cb);
      };
    },
    get value() {
      return reported;
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      watchers.clear();
    },
  };
}

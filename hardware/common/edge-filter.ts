import type { Edge, Level, Unwatch } from '../gpio.js';

/**
 * Turns raw level samples of one input line into debounced, edge-filtered reports.
 * Both backends feed it, so a plugin sees the same watch behaviour on the sim board
 * and on a Pi: a level must hold `debounceMs` before it counts, and only a change from
 * the last reported level is reported (a bounce back to the old level reports nothing).
 */
export interface EdgeFilter {
  /**
   * A raw (logical) level seen on the line, at `atMs` when the source timestamps its
   * edges (the kernel's event clock): the report then carries that time, not the time
   * the debounce window closed.
   */
  sample(value: Level, atMs?: number): void;
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
  let pendingAtMs: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const wanted = (value: Level): boolean =>
    options.edge === 'both' || (options.edge === 'rising' ? value === 1 : value === 0);

  const settle = (): void => {
    timer = undefined;
    if (pending === reported) return;
    reported = pending;
    if (!wanted(reported)) return;
    const atMs = pendingAtMs ?? Date.now();
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
    sample(value, atMs) {
      // Polled sources repeat the same level; only a change restarts the debounce window.
      if (value === pending) return;
      pending = value;
      pendingAtMs = atMs;
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

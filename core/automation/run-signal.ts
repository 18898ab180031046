/**
 * How a run learns that it was aborted (a `restart` run replaced it, the automation
 * stopped). An AbortController per run cost more than the rest of a simple run's
 * bookkeeping, and runs only ever need these two things of it.
 */
export interface RunSignal {
  readonly aborted: boolean;
  /** Calls `fn` once when the run is aborted; returns the way to stop listening. */
  onAbort(fn: () => void): () => void;
}

export interface RunAbort {
  signal: RunSignal;
  abort(): void;
}

export function createRunAbort(): RunAbort {
  let aborted = false;
  let listeners: Set<() => void> | undefined;
  return {
    signal: {
      get aborted() {
        return aborted;
      },
      onAbort(fn) {
        (listeners ??= new Set()).add(fn);
        return () => void listeners?.delete(fn);
      },
    },
    abort() {
      if (aborted) return;
      aborted = true;
      const called = listeners;
      listeners = undefined;
      for (const fn of called ?? []) fn();
    },
  };
}

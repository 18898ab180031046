/**
 * One flush tick shared by every session: batches go out together at most once per
 * window, so a hundred clients cost one timer, not a hundred.
 */
export interface BatchTick {
  /** Asks for a flush: at once after a quiet spell (the leading edge), else when the window ends. */
  request(): void;
  /** Runs on every flush, in the order added. */
  add(flush: () => void): void;
}

export function createBatchTick(batchMs: number): BatchTick {
  const flushes: Array<() => void> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = 0;

  function run() {
    timer = undefined;
    lastFlush = Date.now();
    for (const flush of flushes) flush();
  }

  return {
    request() {
      if (timer) return;
      timer = setTimeout(run, Math.max(0, lastFlush + batchMs - Date.now()));
      // Pending batches alone must not keep a stopping process alive.
      timer.unref?.();
    },
    add: (flush) => void flushes.push(flush),
  };
}

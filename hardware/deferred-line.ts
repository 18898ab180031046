import type { GpioLine, Level } from './gpio.js';

/**
 * A line usable at once whose real handle is still being opened (an expander being
 * probed): every operation waits for it, and its open error surfaces there.
 */
export function deferredLine(line: number, direction: 'in' | 'out', opening: Promise<GpioLine>): GpioLine {
  opening.catch(() => undefined); // reported by the first operation, not as an unhandled rejection
  return {
    line,
    direction,
    read: async () => (await opening).read(),
    write: async (value: Level) => (await opening).write(value),
    watch(cb) {
      let unwatch: (() => void) | undefined;
      let cancelled = false;
      void opening.then(
        (l) => {
          if (!cancelled) unwatch = l.watch(cb);
        },
        () => undefined,
      );
      return () => {
        cancelled = true;
        unwatch?.();
      };
    },
    async close() {
      const opened = await opening.catch(() => undefined);
      await opened?.close();
    },
  };
}

/**
 * Runs async jobs one at a time in arrival order. One per I2C bus, so two drivers
 * never interleave their transfers on the wire.
 */
export interface SerialQueue {
  run<T>(job: () => Promise<T>): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(job: () => Promise<T>): Promise<T> {
      const result = tail.then(job, job);
      // The chain must survive a failed job; the caller still sees the rejection.
      tail = result.catch(() => undefined);
      return result;
    },
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

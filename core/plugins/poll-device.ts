import { isHardwareError, type HardwareError } from '../../hardware/errors.js';
import type { EntityHandle, PluginContext, TimerHandle } from '../plugin-api.js';

export interface PollDeviceOptions<T> {
  /** The entities fed by this device: unavailable together while it does not answer. */
  entities: readonly Pick<EntityHandle, 'setAvailable'>[];
  intervalMs: number;
  read(): Promise<T>;
  /** A good reading: set the entities' states from it. */
  onReading(reading: T): void;
  /** Consecutive I/O errors before the entities go unavailable; default 1. */
  errorsBeforeUnavailable?: number;
  /** After each I/O error, e.g. to reopen the chip next time (it may have been power-cycled). */
  onError?(err: HardwareError): void;
}

/**
 * Reads a device now and every `intervalMs`, skipping a tick while the previous read
 * is still on the bus. An I/O error (a `HardwareError` from the HAL) is logged and,
 * after `errorsBeforeUnavailable` in a row, marks the entities unavailable; the next
 * good reading marks them available again. Any other error is a bug: it fails the
 * plugin, as a throw from any timer does.
 */
export function pollDevice<T>(ctx: Pick<PluginContext, 'timers' | 'log'>, options: PollDeviceOptions<T>): TimerHandle {
  const limit = options.errorsBeforeUnavailable ?? 1;
  let streak = 0;
  let busy = false;
  const poll = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      const reading = await options.read();
      if (streak >= limit) for (const entity of options.entities) entity.setAvailable(true);
      streak = 0;
      options.onReading(reading);
    } catch (err) {
      if (!isHardwareError(err)) throw err;
      ctx.log.warn({ err: err.message, code: err.code }, 'read failed');
      options.onError?.(err);
      if (++streak === limit) for (const entity of options.entities) entity.setAvailable(false);
    } finally {
      busy = false;
    }
  };
  const first = ctx.timers.setTimeout(poll, 0);
  const every = ctx.timers.setInterval(poll, options.intervalMs);
  return {
    cancel() {
      first.cancel();
      every.cancel();
    },
  };
}

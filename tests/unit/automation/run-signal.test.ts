import { expect, it, vi } from 'vitest';
import { createRunAbort } from '../../../core/automation/run-signal.js';

it('tells each listener once when the run is aborted, and not the ones that stopped listening', () => {
  const { signal, abort } = createRunAbort();
  const kept = vi.fn();
  const dropped = vi.fn();
  signal.onAbort(kept);
  signal.onAbort(dropped)();
  expect(signal.aborted).toBe(false);
  abort();
  abort();
  expect(signal.aborted).toBe(true);
  expect(kept).toHaveBeenCalledTimes(1);
  expect(dropped).not.toHaveBeenCalled();
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../core/log.js';
import { createServiceNotifier, watchdogIntervalMs } from '../../../core/systemd-notify.js';

afterEach(() => void vi.useRealTimers());

function notifier(env: NodeJS.ProcessEnv) {
  const sent: string[] = [];
  return { sent, notifier: createServiceNotifier({ log: silentLogger(), env, send: (state) => sent.push(state) }) };
}

describe('systemd readiness and watchdog', () => {
  it('says nothing when not started by systemd (no NOTIFY_SOCKET)', () => {
    vi.useFakeTimers();
    const { sent, notifier: n } = notifier({ WATCHDOG_USEC: '2000000' });
    n.ready();
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([]);
  });

  it('READY=1 once ready, then WATCHDOG=1 every half WatchdogSec', () => {
    vi.useFakeTimers();
    const { sent, notifier: n } = notifier({ NOTIFY_SOCKET: '/run/systemd/notify', WATCHDOG_USEC: '2000000' });
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual([]); // no ping before the hub is up
    n.ready();
    expect(sent).toEqual(['READY=1']);
    vi.advanceTimersByTime(999);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(2000);
    expect(sent).toEqual(['READY=1', 'WATCHDOG=1', 'WATCHDOG=1', 'WATCHDOG=1']);
  });

  it('readiness only, when the unit has no watchdog or it watches another process', () => {
    expect(watchdogIntervalMs({})).toBeUndefined();
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '30000000', WATCHDOG_PID: '1' }, 4242)).toBeUndefined();
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '30000000', WATCHDOG_PID: '4242' }, 4242)).toBe(15_000);
    vi.useFakeTimers();
    const { sent, notifier: n } = notifier({ NOTIFY_SOCKET: '@hearth' });
    n.ready();
    vi.advanceTimersByTime(60_000);
    expect(sent).toEqual(['READY=1']);
  });
});

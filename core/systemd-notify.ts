/**
 * Readiness and watchdog pings for systemd (`Type=notify`, `WatchdogSec=`), sent with
 * the `systemd-notify` tool that ships with systemd rather than a native module or a
 * hand-written datagram client (docs/operations.md says why). Without `NOTIFY_SOCKET`
 * (not started by systemd) it does nothing.
 */
import { execFile } from 'node:child_process';
import type { Logger } from 'pino';

export interface ServiceNotifier {
  /** `READY=1`, then `WATCHDOG=1` every half `WatchdogSec` if the unit sets one. */
  ready(): void;
}

export interface ServiceNotifierOptions {
  log: Logger;
  env?: NodeJS.ProcessEnv;
  /** Sends one state; default runs `systemd-notify <state>` (injected in tests). */
  send?: (state: string) => void;
}

export function createServiceNotifier(options: ServiceNotifierOptions): ServiceNotifier {
  const env = options.env ?? process.env;
  if (!env.NOTIFY_SOCKET) return { ready() {} };
  const send = options.send ?? ((state: string) => runSystemdNotify(state, env, options.log));
  const intervalMs = watchdogIntervalMs(env);
  let timer: NodeJS.Timeout | undefined;
  return {
    ready() {
      send('READY=1');
      // From the event loop on purpose: a hung loop stops pinging, and systemd kills
      // the hub (its ExecStopPost then releases the outputs).
      if (intervalMs !== undefined && timer === undefined) timer = setInterval(() => send('WATCHDOG=1'), intervalMs).unref();
    },
  };
}

/** Half of `WATCHDOG_USEC`, as sd_watchdog_enabled(3) advises; none when the watchdog is off or meant for another process. */
export function watchdogIntervalMs(env: NodeJS.ProcessEnv, pid = process.pid): number | undefined {
  const usec = Number(env.WATCHDOG_USEC);
  if (!Number.isFinite(usec) || usec <= 0) return undefined;
  if (env.WATCHDOG_PID && Number(env.WATCHDOG_PID) !== pid) return undefined;
  return Math.max(1, Math.floor(usec / 2000));
}

function runSystemdNotify(state: string, env: NodeJS.ProcessEnv, log: Logger): void {
  execFile('systemd-notify', [state], { env, timeout: 5000 }, (err) => {
    if (err) log.warn({ err: err.message, state }, 'systemd-notify failed');
  });
}

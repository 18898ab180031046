/**
 * Outputs to their safe state on any exit (DESIGN §12). SIGTERM/SIGINT stop the
 * hub gracefully within a budget, then release outputs if the stop is late; a second
 * signal releases at once. An uncaught exception or unhandled rejection that a plugin
 * can be blamed for fails only that plugin (see `blameWith`); any other is fatal (as in
 * Node's default) but releases outputs first. A signal that arrives while the hub
 * is still starting is honoured as soon as it is up, since plugin setup may already
 * have energised relays. SIGHUP does not stop the hub: it reloads the config from disk
 * (`systemctl reload hearth`, `hearth reload`); a config that fails its check changes nothing.
 */
import type { Logger } from 'pino';

export interface Stoppable {
  stop(): Promise<void>;
  releaseOutputs(): Promise<void>;
  /** Reads the config again and applies what changed (SIGHUP). */
  reload?(): Promise<unknown>;
}

export interface ExitHandlerOptions {
  stopBudgetMs?: number;
  releaseBudgetMs?: number;
  /** Injected in tests; default `process.exit`. */
  exit?: (code: number) => void;
  /** Injected in tests; default `process`. */
  target?: NodeJS.EventEmitter;
}

export interface ExitHandlers {
  /** Hands over the started hub; a signal received before this is acted on now. */
  ready(hub: Stoppable): void;
  /**
   * Asks `blame` first about every uncaught error: when it returns true, one plugin
   * took the failure and the hub runs on. Set as soon as plugins can run, before `ready`.
   */
  blameWith(blame: (err: unknown, kind: string) => boolean): void;
  /** Removes the listeners (tests). */
  dispose(): void;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export function installExitHandlers(log: Logger, options: ExitHandlerOptions = {}): ExitHandlers {
  const stopBudgetMs = options.stopBudgetMs ?? 4500;
  const releaseBudgetMs = options.releaseBudgetMs ?? 1000;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const target = options.target ?? process;
  let hub: Stoppable | undefined;
  let pendingSignal: string | undefined;
  let exiting = false;
  let blame: ((err: unknown, kind: string) => boolean) | undefined;

  const within = <T>(promise: Promise<T>, ms: number): Promise<T | 'late'> =>
    Promise.race([promise, new Promise<'late'>((r) => setTimeout(() => r('late'), ms).unref())]);

  const release = async (h: Stoppable): Promise<void> => {
    const outcome = await within(h.releaseOutputs(), releaseBudgetMs).catch((err: unknown) => log.error({ err }, 'releasing outputs failed'));
    if (outcome === 'late') log.error('releasing outputs timed out');
  };

  const stopGracefully = async (h: Stoppable, signal: string): Promise<void> => {
    log.info({ signal }, 'stopping');
    try {
      if ((await within(h.stop(), stopBudgetMs)) === 'late') {
        log.warn('stop took too long; releasing outputs and exiting');
        await release(h);
      }
    } catch (err) {
      log.error({ err }, 'stop failed; releasing outputs');
      await release(h);
    }
    exit(0);
  };

  const onSignal = (signal: string) => {
    if (exiting) {
      if (hub) void release(hub).finally(() => exit(130));
      else exit(130);
      return;
    }
    exiting = true;
    if (hub) void stopGracefully(hub, signal);
    else pendingSignal = signal;
  };

  const onReload = () => {
    if (!hub?.reload || exiting) {
      log.warn('SIGHUP ignored: the hub is not running (yet)');
      return;
    }
    log.info({ signal: 'SIGHUP' }, 'reloading the config');
    // The reloader logs what it did or why it refused; nothing more to say here.
    hub.reload().catch(() => undefined);
  };

  const blamedOnAPlugin = (err: unknown, kind: string): boolean => {
    try {
      return blame?.(err, kind) ?? false;
    } catch (blameErr) {
      log.error({ err: blameErr }, 'could not attribute an uncaught error to a plugin');
      return false;
    }
  };

  const onFatal = (kind: string) => (err: unknown) => {
    if (blamedOnAPlugin(err, kind)) return;
    log.fatal({ err }, `${kind}; releasing outputs and exiting`);
    exiting = true;
    if (hub) void release(hub).finally(() => exit(1));
    else exit(1);
  };
  const onException = onFatal('uncaught exception');
  const onRejection = onFatal('unhandled promise rejection');

  for (const signal of SIGNALS) target.on(signal, onSignal);
  target.on('SIGHUP', onReload);
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);

  return {
    ready(started) {
      hub = started;
      if (pendingSignal) void stopGracefully(started, pendingSignal);
    },
    blameWith(fn) {
      blame = fn;
    },
    dispose() {
      for (const signal of SIGNALS) target.off(signal, onSignal);
      target.off('SIGHUP', onReload);
      target.off('uncaughtException', onException);
      target.off('unhandledRejection', onRejection);
    },
  };
}

import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
import type { LogLevel } from './config/index.js';

export type { Logger } from 'pino';

/** Pretty on a terminal, JSON lines otherwise (journald, files); `HEARTH_LOG_LEVEL` wins over the config. */
export function createLogger(level: LogLevel = 'info'): Logger {
  const effective = (process.env.HEARTH_LOG_LEVEL as LogLevel | undefined) ?? level;
  const options = { level: effective, base: undefined };
  if (process.stdout.isTTY) return pino(options, loadPretty()({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }));
  return pino(options);
}

/** Loaded only on a terminal: under systemd it would cost the service ~1 MB of RSS for nothing. */
function loadPretty(): typeof PinoPretty {
  return createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

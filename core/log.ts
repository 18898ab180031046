import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
import type { LogLevel } from './config/index.js';

export type { Logger } from 'pino';

const SECRET_KEYS = ['password', 'pass', 'secret', 'token', 'authorization'];
/**
 * Secrets (notification channel passwords and tokens, MQTT passwords …) are censored in any
 * logged object up to three levels deep, so logging a config section can never leak one.
 */
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);
const redact = { paths: REDACT_PATHS, censor: '[redacted]' };

/** Pretty on a terminal, JSON lines otherwise (journald, files); `HEARTH_LOG_LEVEL` wins over the config. */
export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  const effective = (process.env.HEARTH_LOG_LEVEL as LogLevel | undefined) ?? level;
  const options = { level: effective, base: undefined, redact };
  if (destination) return pino(options, destination);
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

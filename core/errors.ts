/**
 * The error hierarchy every layer throws; the HTTP layer maps `status` and `code`
 * to a response in one place, so a user mistake is never a 500.
 */
export class HearthError extends Error {
  readonly status: number = 500;
  readonly code: string = 'internal_error';
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends HearthError {
  override readonly status = 400;
  override readonly code = 'invalid_input';
}

export class UnauthorizedError extends HearthError {
  override readonly status = 401;
  override readonly code = 'unauthorized';
}

export class ForbiddenError extends HearthError {
  override readonly status = 403;
  override readonly code = 'forbidden';
}

export class NotFoundError extends HearthError {
  override readonly status = 404;
  override readonly code = 'not_found';
}

export class ConflictError extends HearthError {
  override readonly status = 409;
  override readonly code = 'conflict';
}

/** Something that existed and is no more: an invitation already used or expired. */
export class GoneError extends HearthError {
  override readonly status = 410;
  override readonly code = 'gone';
}

/** The config file cannot be written (read-only mount, no permission): the dashboard shows it read-only. */
export class ReadOnlyConfigError extends HearthError {
  override readonly status = 423;
  override readonly code = 'config_read_only';
}

/** An edit that would make the config fail `hearth check`; `issues` say where, as the form shows them. */
export class InvalidConfigError extends HearthError {
  override readonly status = 400;
  override readonly code = 'invalid_config';
  constructor(
    message: string,
    readonly issues: readonly { path: string; message: string; line?: number }[],
  ) {
    super(message);
  }
}

/** An upload whose bytes are not a type the route takes (checked by content, not by the declared type). */
export class UnsupportedMediaTypeError extends HearthError {
  override readonly status = 415;
  override readonly code = 'unsupported_media_type';
}

export class RateLimitedError extends HearthError {
  override readonly status = 429;
  override readonly code = 'rate_limited';
  constructor(
    message: string,
    readonly retryAfterS: number,
  ) {
    super(message, { retryAfterS });
  }
}

/** The device behind an entity cannot act now (plugin failed or restarting, I/O down). */
export class UnavailableError extends HearthError {
  override readonly status = 503;
  override readonly code = 'unavailable';
}

/**
 * Thrown by a plugin's command handler to refuse a command the user may retry (a
 * shutter already at its limit, a device busy): 409. A `HardwareError` answers 503 and
 * makes only that entity unavailable until its next success; any other error fails the
 * plugin. Recognised by name too, for plugins bundling their own copy.
 */
export class CommandRejectedError extends Error {
  override readonly name = 'CommandRejectedError';
}

/** A user mistake in a config file, located precisely enough to fix without a stack trace. */
export interface ConfigIssue {
  file: string;
  line?: number;
  column?: number;
  /** Key path, e.g. `plugins[1].entities[0].line`. */
  path: string;
  message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly ConfigIssue[]) {
    const sorted = [...issues].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
    super(sorted.map(formatIssue).join('\n'));
    this.issues = sorted;
  }
}

export function formatIssue({ file, line, column, path, message }: ConfigIssue): string {
  const where = line ? `${file}:${line}${column ? `:${column}` : ''}` : file;
  return path ? `${where}: ${path}: ${message}` : `${where}: ${message}`;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

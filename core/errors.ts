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

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

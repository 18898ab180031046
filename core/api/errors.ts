import type { Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { HearthError, InvalidConfigError, RateLimitedError } from '../errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; issues?: InvalidConfigError['issues'] };
}

/** The one place errors become HTTP responses: a HearthError keeps its status, anything else is logged as a bug. */
export function errorResponse(err: unknown, c: HonoContext, log: Logger): Response {
  if (err instanceof HearthError) {
    if (err instanceof RateLimitedError) c.header('Retry-After', String(err.retryAfterS));
    const error = body(err.code, err.message, err.details);
    if (err instanceof InvalidConfigError) error.error.issues = err.issues;
    return c.json(error, err.status as ContentfulStatusCode);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return c.json(body(status === 413 ? 'payload_too_large' : 'invalid_input', err.message || 'bad request'), status);
  }
  if (err instanceof SyntaxError) return c.json(body('invalid_input', `malformed JSON: ${err.message}`), 400);
  log.error({ err, path: c.req.path }, 'unhandled error in request');
  return c.json(body('internal_error', 'internal error'), 500);
}

function body(code: string, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details !== undefined && { details }) } };
}

import type { Context, MiddlewareHandler } from 'hono';
import type { IncomingMessage } from 'node:http';
import { bodyLimit } from 'hono/body-limit';
import { HearthError, ValidationError } from '../../errors.js';

/** Bigger than any legitimate request (an automation definition); bounds memory per request. */
export const MAX_BODY_BYTES = 64 * 1024;

class PayloadTooLargeError extends HearthError {
  override readonly status = 413;
  override readonly code = 'payload_too_large';
}

export function limitBody(maxSize = MAX_BODY_BYTES): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new PayloadTooLargeError(`request body is larger than ${maxSize} bytes`);
    },
  });
}

/**
 * A response sent before the request body was read (a 413, a 401 before parsing)
 * says `Connection: close`: the server cannot reuse a connection with unread bytes
 * on it and drops it after answering, so a pooled client that was told `keep-alive`
 * would send its next request into a closing socket. Node only (`env.incoming` of
 * @hono/node-server); Bun's server manages its own connections.
 */
export function closeWhenBodyUnread(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (incoming && !incoming.readableEnded && hasBody(c.req.raw)) c.res.headers.set('Connection', 'close');
  };
}

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  return length === null ? request.headers.has('transfer-encoding') : Number(length) > 0;
}

/** An optional JSON object body: empty means `{}`; anything but an object is a 400. */
export async function jsonObjectBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ValidationError(`malformed JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError('the body must be a JSON object');
  return value as Record<string, unknown>;
}

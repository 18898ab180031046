import type { Context as HonoContext } from 'hono';
import { ForbiddenError, RateLimitedError, UnauthorizedError, errorMessage } from '../errors.js';
import type { EventBus, EventMap } from '../kernel/index.js';
import type { ApiEnv } from './env.js';

type AuditFields = Pick<EventMap['audit'], 'action' | 'target' | 'details'>;

/**
 * Runs an admin or security action and writes its outcome to the audit trail with the
 * caller's context and address: `ok`, `denied` (not allowed) or `failed` (anything else).
 */
export async function audited<T>(bus: EventBus, c: HonoContext<ApiEnv>, fields: AuditFields, run: () => T | Promise<T>): Promise<T> {
  const emit = (outcome: EventMap['audit']['outcome'], extra?: Record<string, unknown>) =>
    bus.emit('audit', {
      ...fields,
      ...((fields.details || extra) && { details: { ...fields.details, ...extra } }),
      outcome,
      context: c.get('context'),
      address: c.get('address'),
    });
  try {
    const result = await run();
    emit('ok');
    return result;
  } catch (err) {
    const denied = err instanceof ForbiddenError || err instanceof UnauthorizedError || err instanceof RateLimitedError;
    emit(denied ? 'denied' : 'failed', { error: errorMessage(err) });
    throw err;
  }
}

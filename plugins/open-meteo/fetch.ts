import { ForecastError, parseForecast, type Forecast } from './api.js';

/**
 * GETs a forecast, bounded by `timeoutMs`. Every way it can go wrong — no answer, a
 * refused connection, an error status, a body that is not JSON or not a forecast —
 * is a `ForecastError` saying which, so the caller has one failure to handle.
 */
export async function fetchForecast(url: URL, timeoutMs: number): Promise<Forecast> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    throw new ForecastError(timedOut ? `no answer within ${timeoutMs / 1000} s` : `cannot reach ${url.origin}: ${causeOf(err)}`);
  }
  const text = await res.text().catch((err: unknown) => {
    throw new ForecastError(`the answer broke off: ${causeOf(err)}`);
  });
  if (!res.ok) throw new ForecastError(`${url.origin} answered ${res.status}${reasonOf(text)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ForecastError(`${url.origin} answered malformed JSON`);
  }
  return parseForecast(body);
}

/** Open-Meteo explains a refused request as `{error: true, reason}`. */
function reasonOf(text: string): string {
  try {
    const body = JSON.parse(text) as { reason?: unknown };
    return typeof body.reason === 'string' ? `: ${body.reason}` : '';
  } catch {
    return '';
  }
}

/** fetch wraps network errors in a TypeError whose `cause` says what happened (ECONNREFUSED …). */
function causeOf(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  return cause instanceof Error ? cause.message : String(cause);
}

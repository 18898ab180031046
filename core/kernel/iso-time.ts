/**
 * Epoch milliseconds as an ISO 8601 string. States, runs and their steps stamp times
 * many times per millisecond under load; the last answer is kept, so a burst formats
 * each millisecond once.
 */
let lastMs = Number.NaN;
let lastIso = '';

export function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}

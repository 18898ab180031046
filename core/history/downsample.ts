/** Pure helpers for min/max downsampling: spikes survive because each bucket keeps both extremes. */
export type Point = [ms: number, value: number];

export interface Extreme {
  bucket: number;
  ms: number;
  value: number;
}

/** Bucket width for at most `points` points over [start, end]: two points (min, max) per bucket. */
export function bucketWidth(startMs: number, endMs: number, points: number): number {
  const buckets = Math.max(1, Math.floor(points / 2));
  return Math.max(1, Math.ceil((endMs - startMs + 1) / buckets));
}

/** Merges per-bucket minima and maxima into time-ordered points, one per distinct (bucket, ms). */
export function mergeExtremes(minima: readonly Extreme[], maxima: readonly Extreme[]): Point[] {
  const byBucket = new Map<number, Extreme[]>();
  for (const e of [...minima, ...maxima]) {
    const list = byBucket.get(e.bucket);
    if (!list) byBucket.set(e.bucket, [e]);
    else if (!list.some((x) => x.ms === e.ms)) list.push(e);
  }
  return [...byBucket.keys()]
    .sort((a, b) => a - b)
    .flatMap((bucket) => byBucket.get(bucket)!.sort((a, b) => a.ms - b.ms).map((e): Point => [e.ms, e.value]));
}

/** Keeps the last change per bucket when there are more than `points`. */
export function thinChanges<T extends { ms: number }>(changes: readonly T[], startMs: number, endMs: number, points: number): T[] {
  if (changes.length <= points) return [...changes];
  const width = Math.max(1, Math.ceil((endMs - startMs + 1) / points));
  const last = new Map<number, T>();
  for (const c of changes) last.set(Math.floor((c.ms - startMs) / width), c);
  return [...last.values()];
}

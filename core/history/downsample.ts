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

/** Per bucket, the lowest minimum and the highest maximum of all sources, in time order (one point when they coincide). */
export function mergeExtremes(minima: readonly Extreme[], maxima: readonly Extreme[]): Point[] {
  const lows = new Map<number, Extreme>();
  const highs = new Map<number, Extreme>();
  for (const e of minima) {
    const low = lows.get(e.bucket);
    if (!low || e.value < low.value) lows.set(e.bucket, e);
  }
  for (const e of maxima) {
    const high = highs.get(e.bucket);
    if (!high || e.value > high.value) highs.set(e.bucket, e);
  }
  const points: Point[] = [];
  for (const bucket of [...new Set([...lows.keys(), ...highs.keys()])].sort((a, b) => a - b)) {
    const pair = [lows.get(bucket), highs.get(bucket)].filter((e): e is Extreme => e !== undefined).sort((a, b) => a.ms - b.ms);
    for (const e of pair) if (points.at(-1)?.[0] !== e.ms) points.push([e.ms, e.value]);
  }
  return points;
}

/** Keeps the last change per bucket when there are more than `points`. */
export function thinChanges<T extends { ms: number }>(changes: readonly T[], startMs: number, endMs: number, points: number): T[] {
  if (changes.length <= points) return [...changes];
  const width = Math.max(1, Math.ceil((endMs - startMs + 1) / points));
  const last = new Map<number, T>();
  for (const c of changes) last.set(Math.floor((c.ms - startMs) / width), c);
  return [...last.values()];
}

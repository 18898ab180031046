import type { EntityState } from '../api/types.js';

export type Point = readonly [x: number, y: number];

/**
 * Reduces a series to at most `buckets * 2` points, keeping each bucket's minimum and
 * maximum in time order, so a spike survives in a 120-pixel sparkline.
 */
export function downsampleMinMax(points: readonly Point[], buckets: number): Point[] {
  if (points.length <= buckets * 2 || buckets < 1) return points.slice();
  const x0 = points[0]![0];
  const span = points[points.length - 1]![0] - x0 || 1;
  const out: Point[] = [];
  let bucket = -1;
  let min: Point | undefined;
  let max: Point | undefined;
  const flush = () => {
    if (!min || !max) return;
    if (min === max) out.push(min);
    else out.push(...(min[0] <= max[0] ? [min, max] : [max, min]));
  };
  for (const p of points) {
    const b = Math.min(buckets - 1, Math.floor(((p[0] - x0) / span) * buckets));
    if (b !== bucket) {
      flush();
      bucket = b;
      min = max = p;
    } else {
      if (p[1] < min![1]) min = p;
      if (p[1] > max![1]) max = p;
    }
  }
  flush();
  return out;
}

/** An SVG path `d` drawing the series scaled into width × height (y grows downwards). */
export function sparklinePath(points: readonly Point[], width: number, height: number, pad = 2): string {
  if (points.length === 0) return '';
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const [yMin, yMax] = [Math.min(...ys), Math.max(...ys)];
  const sx = (x: number) => (xMax === xMin ? width / 2 : ((x - xMin) / (xMax - xMin)) * width);
  const sy = (y: number) => (yMax === yMin ? height / 2 : pad + (1 - (y - yMin) / (yMax - yMin)) * (height - pad * 2));
  return points.map((p, i) => `${i ? 'L' : 'M'}${sx(p[0]).toFixed(1)} ${sy(p[1]).toFixed(1)}`).join(' ');
}

/** Numeric points only: history of a sensor may hold nulls while it was unavailable. */
export function numericPoints(points: readonly (readonly [number, unknown])[]): Point[] {
  return points.filter((p): p is [number, number] => typeof p[1] === 'number' && Number.isFinite(p[1]));
}

const DAY_MS = 86_400_000;

/**
 * The sparklines with these live sensor readings appended (at their `lastUpdated`) and
 * anything older than 24 h dropped; a new map, so the shell can hand it down as state.
 */
export function appendReading(lines: ReadonlyMap<string, Point[]>, states: readonly EntityState[], now: number): Map<string, Point[]> {
  const next = new Map(lines);
  for (const s of states) {
    if (s.domain !== 'sensor' || typeof s.state !== 'number' || !Number.isFinite(s.state)) continue;
    const at = Date.parse(s.lastUpdated);
    const kept = (next.get(s.id) ?? []).filter((p) => p[0] >= now - DAY_MS && p[0] < at);
    next.set(s.id, downsampleMinMax([...kept, [at, s.state]], 60));
  }
  return next;
}

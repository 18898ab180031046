/** Pure shutter arithmetic: where the curtain is, and how long to run to reach a target. */

export type Direction = 'up' | 'down';

export interface Travel {
  upMs: number;
  downMs: number;
  runOnMs: number;
  startDelayMs: number;
}

export interface Run {
  direction: Direction;
  startedAt: number;
  from: number;
  target: number;
}

const clamp = (p: number, lo = 0, hi = 100): number => Math.min(hi, Math.max(lo, p));

/** Linear estimate from the separate up and down travel times; never past the target. */
export function positionAt(run: Run, travel: Travel, now: number): number {
  const moving = Math.max(0, now - run.startedAt - travel.startDelayMs);
  if (run.direction === 'up') return clamp(run.from + (moving / travel.upMs) * 100, 0, Math.max(run.from, run.target));
  return clamp(run.from - (moving / travel.downMs) * 100, Math.min(run.from, run.target), 100);
}

/** Relay-on time for a run from `from` to `target`; the ends get the run-on so the limit switch is reached. */
export function runDurationMs(direction: Direction, from: number, target: number, travel: Travel): number {
  const travelMs = direction === 'up' ? travel.upMs : travel.downMs;
  const atEnd = target === 0 || target === 100;
  return travel.startDelayMs + (Math.abs(target - from) / 100) * travelMs + (atEnd ? travel.runOnMs : 0);
}

/** Which way to go; an estimated position at an end is re-run into the limit switch to resynchronise. */
export function directionFor(from: number, target: number, estimated: boolean): Direction | undefined {
  if (target > from) return 'up';
  if (target < from) return 'down';
  if (estimated && target === 100) return 'up';
  if (estimated && target === 0) return 'down';
  return undefined;
}

/** Remaining reversal dead time before a run in `direction` may start. */
export function deadTimeLeftMs(last: { direction: Direction; at: number } | undefined, direction: Direction, deadTimeMs: number, now: number): number {
  if (!last || last.direction === direction) return 0;
  return Math.max(0, last.at + deadTimeMs - now);
}

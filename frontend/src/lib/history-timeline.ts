/**
 * Timelines (on/off and enum states as coloured bars) and the time window the History view
 * shows after zooming and panning; pure, so the maths are tested without a browser.
 */
import type { Sample } from './history-series.js';
import type { TimeWindow } from './history-selection.js';

export interface Segment {
  from: number;
  to: number;
  /** null while the entity was unknown or unavailable. */
  state: string | null;
}

/**
 * A state holds from its time until the next change; the last one holds to the window's end.
 * Repeats of the same state merge; a state in force before the window starts is clipped to it.
 */
export function segments(samples: readonly Sample[], w: TimeWindow): Segment[] {
  const out: Segment[] = [];
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  sorted.forEach((s, i) => {
    const from = Math.max(s.ms, w.start);
    const to = Math.min(sorted[i + 1]?.ms ?? w.end, w.end);
    if (to <= from) return;
    const state = s.value === null ? null : String(s.value);
    const last = out.at(-1);
    if (last && last.state === state && last.to === from) last.to = to;
    else out.push({ from, to, state });
  });
  return out;
}

/** Where a segment sits in the window shown, as percentages of its width (clipped to it). */
export function placement(seg: Segment, w: TimeWindow): { left: number; width: number } | undefined {
  const span = w.end - w.start;
  const from = Math.max(seg.from, w.start);
  const to = Math.min(seg.to, w.end);
  if (to <= from || span <= 0) return undefined;
  return { left: ((from - w.start) / span) * 100, width: ((to - from) / span) * 100 };
}

/** The shortest window zooming may reach: a minute, so a pinch cannot collapse the axis. */
const MIN_SPAN_MS = 60_000;

/** Zooms by `factor` (< 1 zooms in) around the point at fraction `at` (0–1) of the width; stays inside `bounds`. */
export function zoomWindow(w: TimeWindow, at: number, factor: number, bounds: TimeWindow): TimeWindow {
  const span = w.end - w.start;
  const next = Math.min(Math.max(span * factor, MIN_SPAN_MS), bounds.end - bounds.start);
  const pivot = w.start + span * at;
  return clampWindow({ start: pivot - next * at, end: pivot - next * at + next }, bounds);
}

/** Pans by `fraction` of the width (positive moves later in time); stays inside `bounds`. */
export function panWindow(w: TimeWindow, fraction: number, bounds: TimeWindow): TimeWindow {
  const shift = (w.end - w.start) * fraction;
  return clampWindow({ start: w.start + shift, end: w.end + shift }, bounds);
}

function clampWindow(w: TimeWindow, bounds: TimeWindow): TimeWindow {
  const span = Math.min(w.end - w.start, bounds.end - bounds.start);
  const start = Math.min(Math.max(w.start, bounds.start), bounds.end - span);
  return { start, end: start + span };
}

/** A stable colour slot (0–7) for an enum state, so "heat" is the same colour on every row and every load. */
export function stateSlot(state: string): number {
  let h = 0;
  for (const c of state) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 8;
}

/**
 * Pure logic of the week-grid schedule editor: pixels ↔ minutes, 15-minute snapping,
 * overlap checks, moving a block and copying a day. The view only handles pointers and draws.
 */

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
export const WEEKDAYS: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const PRESETS = ['comfort', 'eco', 'away', 'frost'] as const;

/** One block as the API carries it: `to` may be `24:00`. A value is a preset name or a number (°C). */
export interface Block { from: string; to: string; value?: string | number }
export type Week = Record<Day, Block[]>;

const DAY_MIN = 24 * 60;
export const SNAP_MIN = 15;

export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function toClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Rounds to the nearest step and keeps the result inside the day. */
export function snap(minutes: number, step = SNAP_MIN): number {
  return Math.min(DAY_MIN, Math.max(0, Math.round(minutes / step) * step));
}

/** A horizontal offset inside a day row of `width` pixels, as snapped minutes. */
export function xToMinutes(x: number, width: number): number {
  return snap((x / width) * DAY_MIN);
}

/** Minutes as a percentage of the day, for CSS left/width. */
export function minutesToPercent(minutes: number): number {
  return (minutes / DAY_MIN) * 100;
}

/** Whether [from, to) meets any block of the day other than the one at `ignore`. */
export function overlaps(blocks: readonly Block[], from: number, to: number, ignore = -1): boolean {
  return blocks.some((b, i) => i !== ignore && from < toMinutes(b.to) && toMinutes(b.from) < to);
}

function sorted(blocks: Block[]): Block[] {
  return blocks.sort((a, b) => toMinutes(a.from) - toMinutes(b.from));
}

/** The day with a new block from `a` to `b` (either order), or undefined when it is empty or overlaps. */
export function addBlock(blocks: readonly Block[], a: number, b: number, value: string | number = 'comfort'): Block[] | undefined {
  const from = snap(Math.min(a, b));
  const to = snap(Math.max(a, b));
  if (to <= from || overlaps(blocks, from, to)) return undefined;
  return sorted([...blocks, { from: toClock(from), to: toClock(to), value }]);
}

/** The day with block `index` shifted by `delta` minutes (snapped, held inside the day), or undefined when it would overlap. */
export function moveBlock(blocks: readonly Block[], index: number, delta: number): Block[] | undefined {
  const block = blocks[index];
  if (!block) return undefined;
  const start = toMinutes(block.from);
  const length = toMinutes(block.to) - start;
  const from = Math.min(DAY_MIN - length, Math.max(0, snap(start + delta)));
  if (overlaps(blocks, from, from + length, index)) return undefined;
  return sorted(blocks.map((b, i) => (i === index ? { ...b, from: toClock(from), to: toClock(from + length) } : b)));
}

/** The week with `source`'s blocks copied onto each of `targets` (replacing theirs). */
export function copyDay(week: Week, source: Day, targets: readonly Day[]): Week {
  const copy = { ...week };
  for (const day of targets) if (day !== source) copy[day] = week[source].map((b) => ({ ...b }));
  return copy;
}

/** A typed value: a number when it reads as one (a target in °C), else the preset name as typed. */
export function parseValue(text: string): string | number {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

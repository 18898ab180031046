import { z } from 'zod';
import { ROLES } from '../kernel/index.js';

/**
 * One level of the position of a waiting step: its index in its sequence and,
 * for a `choose`, `repeat` or `parallel` step, which part of it was entered
 * (option index or 'default', iteration, branch).
 */
export interface CursorFrame {
  step: number;
  enter?: number | 'default';
}

/** A delay or wait a run is waiting in, stored so it survives a restart. */
export interface ResumePoint {
  /** From the top-level step down to the delay/wait itself. */
  cursor: CursorFrame[];
  kind: 'delay' | 'wait';
  /** Epoch ms; null for a wait without timeout. */
  deadline: number | null;
}

/** The delays and waits a run is in right now; more than one inside `parallel`. */
export interface WaitTracker {
  add(point: ResumePoint): void;
  remove(point: ResumePoint): void;
}

export function createWaitTracker(save: (points: ResumePoint[]) => void): WaitTracker {
  const live = new Set<ResumePoint>();
  return {
    add(point) {
      live.add(point);
      save([...live]);
    },
    remove(point) {
      if (live.delete(point)) save([...live]);
    },
  };
}

/** The points that continue inside the part a compound step entered, seen from there. */
export function enterInto(points: readonly ResumePoint[]): ResumePoint[] {
  return points.map((p) => ({ ...p, cursor: p.cursor.slice(1) }));
}

/** The earliest deadline, null when every point waits without one. */
export function earliestDeadline(points: readonly ResumePoint[]): number | null {
  const deadlines = points.flatMap((p) => (p.deadline === null ? [] : [p.deadline]));
  return deadlines.length ? Math.min(...deadlines) : null;
}

const kind = z.enum(['delay', 'wait']);
const deadline = z.number().nullable();
const frame = z.object({ step: z.number().int().min(0), enter: z.union([z.number().int().min(0), z.literal('default')]).optional() });
const point = z.object({ cursor: z.array(frame).min(1), kind, deadline });
const base = { runId: z.string(), trigger: z.record(z.string(), z.unknown()), parentContextId: z.string().optional(), role: z.enum(ROLES).optional() };

/** Version 2 stores every waiting point; version 1 (no `version`) stored one top-level `{step, kind, deadline}`. */
const storedRun = z.union([
  z.object({ ...base, version: z.literal(2), points: z.array(point).min(1) }),
  z.object({ ...base, point: z.object({ step: z.number().int().min(0), kind, deadline }) }).transform(({ point: old, ...rest }) => ({
    ...rest,
    version: 2 as const,
    points: [{ cursor: [{ step: old.step }], kind: old.kind, deadline: old.deadline }],
  })),
]);

export type StoredRun = z.output<typeof storedRun>;

/** Reads a stored pending run in either format; undefined when it cannot be read. */
export function readStoredRun(raw: unknown): StoredRun | undefined {
  const parsed = storedRun.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** The schedule schema (DESIGN §6, docs/configuration.md#schedules), shared by `schedules:` in the config and /api/schedules (core/schedules). */
import { z } from 'zod';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
const SHORTHANDS = { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], weekend: ['sat', 'sun'] } as const satisfies Record<string, readonly Day[]>;

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
const from = z.string().regex(clock, 'expected a time of day like 06:30 (00:00 to 23:59)');
const to = z.string().refine((s) => clock.test(s) || s === '24:00', 'expected a time of day like 08:00 (00:01 to 24:00)');

/** Minutes since midnight of `HH:MM` (24:00 is 1440). */
export function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

export const scheduleValueSchema = z.union([z.string().min(1), z.number()]);
export type ScheduleValue = z.output<typeof scheduleValueSchema>;

const block = z
  .strictObject({ from, to, value: scheduleValueSchema.optional() })
  .refine((b) => !clock.test(b.from) || !(clock.test(b.to) || b.to === '24:00') || minutes(b.from) < minutes(b.to), {
    path: ['to'],
    message: 'must be after from; a block may not cross midnight: split it into one ending at 24:00 and one starting at 00:00',
  });
export type Block = z.output<typeof block>;

/** A day's blocks, any order, none overlapping. */
const blocks = z.array(block).superRefine((list, ctx) => {
  const order = list.map((b, i) => ({ i, from: minutes(b.from), to: minutes(b.to) })).sort((a, b) => a.from - b.from);
  for (let k = 1; k < order.length; k++) {
    const [prev, cur] = [order[k - 1]!, order[k]!];
    if (cur.from < prev.to) ctx.addIssue({ code: 'custom', path: [cur.i, 'from'], message: `overlaps the block ${list[prev.i]!.from}–${list[prev.i]!.to}` });
  }
});

const isoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'expected a date like 2026-12-25');

const days = z.strictObject({
  ...Object.fromEntries(DAYS.map((d) => [d, blocks.optional()])),
  weekdays: blocks.optional(),
  weekend: blocks.optional(),
} as Record<Day | keyof typeof SHORTHANDS, z.ZodOptional<typeof blocks>>);

export const scheduleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _'),
    name: z.string().min(1).optional(),
    days: days.default({}),
    /** Dates whose blocks replace the weekly ones (holidays); an empty list makes the day free. */
    exceptions: z.array(z.strictObject({ date: isoDate, blocks })).default([]),
  })
  .superRefine((s, ctx) => {
    const seen = new Map<string, number>();
    s.exceptions.forEach((e, i) => {
      const first = seen.get(e.date);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['exceptions', i, 'date'], message: `${e.date} is already given at exceptions[${first}]` });
      else seen.set(e.date, i);
    });
  })
  .transform((s): ScheduleDefinition => ({ id: s.id, ...(s.name && { name: s.name }), days: expandDays(s.days), exceptions: s.exceptions }));

/** A schedule with the shorthands expanded: every day listed. */
export interface ScheduleDefinition {
  id: string;
  name?: string;
  days: Record<Day, Block[]>;
  exceptions: { date: string; blocks: Block[] }[];
}
export type ScheduleInput = z.input<typeof scheduleSchema>;

/** `weekdays:` and `weekend:` fill their days; a day named on its own wins over them. */
function expandDays(given: Partial<Record<Day | keyof typeof SHORTHANDS, Block[]>>): Record<Day, Block[]> {
  const out = Object.fromEntries(DAYS.map((d) => [d, [] as Block[]])) as Record<Day, Block[]>;
  for (const [name, list] of Object.entries(SHORTHANDS)) for (const d of list) if (given[name as keyof typeof SHORTHANDS]) out[d] = given[name as keyof typeof SHORTHANDS]!;
  for (const d of DAYS) if (given[d]) out[d] = given[d];
  return out;
}

/** Duplicate ids in a list of schedules, as zod issues on `[i, 'id']`. */
export function checkUniqueIds(list: readonly { id: string }[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  list.forEach((s, i) => {
    const first = seen.get(s.id);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate schedule id '${s.id}' (first at schedules[${first}])` });
    else seen.set(s.id, i);
  });
}

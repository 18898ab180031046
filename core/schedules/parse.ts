import { ValidationError } from '../errors.js';
import { formatPath, scheduleSchema, type ScheduleDefinition } from '../config/index.js';

/** For the API: a 400 naming every path (`days.mon[1].from: overlaps the block 06:00–09:00`). */
export function parseSchedule(input: unknown): ScheduleDefinition {
  const parsed = scheduleSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.flatMap((issue) => {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: `unknown key '${key}'` }));
    return [{ path: formatPath(path), message: issue.message }];
  });
  throw new ValidationError(`invalid schedule: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`, issues);
}

import type { z } from 'zod';
import { unknownKeyMessage } from './did-you-mean.js';
import type { KeyPath } from './issues.js';

export interface RawIssue {
  path: KeyPath;
  message: string;
  /** The offending key, for an unknown key (so it can be located itself). */
  key?: string;
}

/** Zod issues as messages a person fixes without reading zod's vocabulary. */
export function describeZodIssues(schema: z.ZodType, issues: readonly z.core.$ZodIssue[], input: unknown): RawIssue[] {
  return closestBranches(issues, []).flatMap((issue): RawIssue[] => {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, path);
      return issue.keys.map((key) => ({ path: [...path, key], key, message: unknownKeyMessage(key, known) }));
    }
    if (issue.code === 'invalid_type' && valueAt(input, path) === undefined) {
      return [{ path, message: `missing required key (expected ${issue.expected})` }];
    }
    return [{ path, message: issue.message }];
  });
}

/**
 * A value that fits no member of a union gets one bare "Invalid input"; a person meant
 * one of the members. Report the member with the fewest complaints (for a light with a
 * bad role, the output entry's role, not the input entry's id).
 */
function closestBranches(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      if (closest.length > 0) return closestBranches(closest, path);
    }
    return [{ ...issue, path }];
  });
}

function valueAt(input: unknown, path: KeyPath): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The keys an object schema accepts at `path`, looking through optional/default/array wrappers. */
export function knownKeysAt(schema: z.ZodType, path: KeyPath): string[] {
  const def = defOf(schema);
  const [head, ...rest] = path;
  switch (def.type) {
    case 'object':
      if (head === undefined) return Object.keys(def.shape ?? {});
      return def.shape && typeof head === 'string' && def.shape[head] ? knownKeysAt(def.shape[head], rest) : [];
    case 'array':
      return typeof head === 'number' && def.element ? knownKeysAt(def.element, rest) : [];
    case 'union':
      return [...new Set((def.options ?? []).flatMap((o) => knownKeysAt(o, path)))];
    case 'pipe':
      return def.in ? knownKeysAt(def.in, path) : [];
    default:
      return def.innerType ? knownKeysAt(def.innerType, path) : [];
  }
}

import { z } from 'zod';
import { unknownKeyMessage } from '../config/index.js';

type SchemaTable = Readonly<Record<string, z.ZodType>>;

/**
 * Picks the schema for a value by one of its keys (`type: state`, or an action's
 * `delay:` key) instead of a plain union, so an error names the real problem
 * (`below: expected number`) rather than zod's "no union member matched".
 */
export function keyedSchema<T>(what: string, pick: (value: Record<string, unknown>) => string | undefined, table: SchemaTable, expected: string) {
  return z.unknown().transform((value, ctx): T => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: `expected ${what} (an object with ${expected})` });
      return z.NEVER;
    }
    const key = pick(value as Record<string, unknown>);
    const schema = key === undefined ? undefined : table[key];
    if (!schema) {
      ctx.addIssue({ code: 'custom', message: `${what} needs ${expected}` });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data as T;
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const known = objectKeys(schema);
        for (const k of issue.keys) ctx.addIssue({ code: 'custom', path: [...path, k], message: unknownKeyMessage(k, known) });
      } else {
        ctx.addIssue({ code: 'custom', path, message: issue.message });
      }
    }
    return z.NEVER;
  });
}

/** `type:` picks the schema. */
export function byType<T>(what: string, table: SchemaTable) {
  const names = Object.keys(table);
  return keyedSchema<T>(what, (v) => (typeof v.type === 'string' && Object.hasOwn(table, v.type) ? v.type : undefined), table, `type: one of ${names.join(', ')}`);
}

/** The first key of `table` present in the value picks the schema. */
export function byKey<T>(what: string, table: SchemaTable) {
  const names = Object.keys(table);
  return keyedSchema<T>(what, (v) => names.find((k) => Object.hasOwn(v, k)), table, `one of the keys ${names.join(', ')}`);
}

function objectKeys(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: { shape?: Record<string, unknown> } } })._zod.def;
  return Object.keys(def.shape ?? {});
}

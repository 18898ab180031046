import type { z } from 'zod';
import { formatPath, type KeyPath } from '../config/index.js';
import { ValidationError } from '../errors.js';
import { automationSchema, type AutomationDefinition } from './definition.js';

export interface DefinitionIssue {
  path: KeyPath;
  message: string;
}

export type ParseResult = { ok: true; definition: AutomationDefinition } | { ok: false; issues: DefinitionIssue[] };

export function parseAutomation(input: unknown): ParseResult {
  const parsed = automationSchema.safeParse(input);
  if (parsed.success) return { ok: true, definition: parsed.data };
  return { ok: false, issues: toIssues(parsed.error) };
}

export function toIssues(error: z.ZodError): DefinitionIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...path, key], message: `unknown key '${key}'` }));
    return [{ path, message: issue.message }];
  });
}

/** For the API: a 400 whose message names every path (`triggers[0].below: expected number`). */
export function parseOrThrow(input: unknown, prefix: KeyPath = []): AutomationDefinition {
  const result = parseAutomation(input);
  if (result.ok) return result.definition;
  const issues = result.issues.map((i) => ({ path: formatPath([...prefix, ...i.path]), message: i.message }));
  throw new ValidationError(`invalid automation: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`, issues);
}

import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import type { z } from 'zod';
import { unknownKeyMessage } from '../config/did-you-mean.js';
import { describeZodIssues } from '../config/zod-issues.js';
import type { JsonSchema } from '../plugin-api.js';
import type { ConfigSchema, ConfigSchemaIssue } from './config-schema.js';

export interface SchemaIssue {
  /** Path inside the plugin's config. */
  path: (string | number)[];
  /** Set for an unknown key, which is located at the key itself. */
  key?: string;
  message: string;
}

export type ConfigValidator = (config: Record<string, unknown>) => SchemaIssue[];

export type ConfigSchemaCompiler = (schema: JsonSchema) => ConfigValidator;

/**
 * Validates a plugin's entry once, with the plugin's `config` schema when
 * it has one (its output is what `setup` gets), else with the manifest's JSON Schema.
 */
export async function checkPluginConfig(
  schemas: { config?: ConfigSchema<unknown> | undefined; configSchema: JsonSchema },
  entry: Record<string, unknown>,
  compile: ConfigSchemaCompiler,
): Promise<{ config: Record<string, unknown>; issues: SchemaIssue[] }> {
  if (!schemas.config) return { config: entry, issues: compile(schemas.configSchema)(entry) };
  const result = await schemas.config['~standard'].validate(entry);
  // An entry is a YAML mapping, so a schema that accepts it yields one.
  if (!result.issues) return { config: result.value as Record<string, unknown>, issues: [] };
  return { config: entry, issues: describeIssues(schemas.config, result.issues, entry) };
}

/** Zod's own issues name unknown keys and missing ones; other libraries' are taken as they come. */
function describeIssues(schema: ConfigSchema<unknown>, issues: readonly ConfigSchemaIssue[], entry: unknown): SchemaIssue[] {
  if (schema['~standard'].vendor === 'zod' && '_zod' in schema) {
    return describeZodIssues(schema as unknown as z.ZodType, issues as readonly z.core.$ZodIssue[], entry).map((i) => ({ ...i, path: [...i.path] }));
  }
  return issues.map((issue) => ({
    path: (issue.path ?? []).map((p) => (typeof p === 'object' ? p.key : p)).filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message,
  }));
}

/**
 * A compiler for one loading pass. Ajv caches every schema it compiled, and the
 * generated validators stay in the heap for as long as the instance lives (~1 MB on
 * the demo house); plugin configs are validated only at start, so a pass drops it.
 */
export function createConfigSchemaCompiler(): ConfigSchemaCompiler {
  const ajv = new Ajv2020({ allErrors: true, useDefaults: true, verbose: true, strict: false });
  /** A schema that does not compile is the plugin's bug, reported as such. */
  return (schema) => {
    let validate: ReturnType<typeof ajv.compile>;
    try {
      validate = ajv.compile(schema);
    } catch (err) {
      throw new Error(`the plugin declares an invalid configSchema: ${(err as Error).message}`);
    }
    return (config) => (validate(config) ? [] : closestAlternatives(validate.errors ?? []).map(toIssue));
  };
}

/**
 * A value that matches none of an anyOf/oneOf gets errors from every alternative;
 * a person meant one of them. Keep the alternative with the fewest complaints (for a
 * shutter with a typo, the two-relay wiring, not the power + direction one).
 */
function closestAlternatives(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors;
  for (const union of errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')) {
    const prefix = `${union.schemaPath}/`;
    const byBranch = new Map<string, number>();
    for (const e of kept) {
      if (e.schemaPath.startsWith(prefix)) {
        const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
        byBranch.set(branch, (byBranch.get(branch) ?? 0) + 1);
      }
    }
    const best = [...byBranch].sort((a, b) => a[1] - b[1])[0]?.[0];
    if (best === undefined) continue;
    kept = kept.filter((e) => e !== union && (!e.schemaPath.startsWith(prefix) || e.schemaPath.startsWith(`${prefix}${best}/`)));
  }
  return kept;
}

function toIssue(error: ErrorObject): SchemaIssue {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    return { path: [...path, key], key, message: unknownKeyMessage(key, known) };
  }
  if (error.keyword === 'required') {
    const key = String((error.params as { missingProperty: string }).missingProperty);
    return { path: [...path, key], message: 'missing required key' };
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
    return { path, message: `must be one of ${allowed}` };
  }
  return { path, message: error.message ?? 'invalid value' };
}

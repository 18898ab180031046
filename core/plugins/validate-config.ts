import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { unknownKeyMessage } from '../config/did-you-mean.js';
import type { JsonSchema } from '../plugin-api.js';

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

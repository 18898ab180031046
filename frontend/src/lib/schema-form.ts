import type { JsonSchema } from '../api/types.js';
import { titleCase } from './format.js';
import { msg } from './i18n.js';

export type FieldKind = 'text' | 'number' | 'integer' | 'boolean' | 'enum' | 'object' | 'array' | 'json';

/** One row of a settings form, derived from a plugin's JSON Schema and its current config. */
export interface FormField {
  /** Dotted path into the config, e.g. `entities.0.line`. */
  path: string;
  label: string;
  kind: FieldKind;
  value: unknown;
  required: boolean;
  description?: string;
  options?: readonly unknown[];
  min?: number;
  max?: number;
  children?: FormField[];
}

function kindOf(schema: JsonSchema): FieldKind {
  if (schema.enum) return 'enum';
  if (schema.const !== undefined) return 'enum';
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'object':
      return schema.properties ? 'object' : 'json';
    case 'array':
      return 'array';
    default:
      return 'json';
  }
}

/** anyOf/oneOf of plain literals is an enum; a single non-null branch is that branch. */
function simplify(schema: JsonSchema): JsonSchema {
  const union = schema.anyOf ?? schema.oneOf;
  if (!union) return schema;
  const branches = union.filter((b) => b.type !== 'null');
  if (branches.every((b) => b.const !== undefined)) return { ...schema, enum: branches.map((b) => b.const) };
  if (branches.length === 1) return { ...branches[0], title: schema.title ?? branches[0]!.title, description: schema.description ?? branches[0]!.description };
  return schema;
}

/** Maps a JSON Schema and a value to nested form fields; unknown shapes fall back to a JSON view. */
export function schemaToFields(rawSchema: JsonSchema, value: unknown, path = '', required = false, label?: string): FormField {
  const schema = simplify(rawSchema);
  const kind = kindOf(schema);
  const field: FormField = {
    path,
    label: schema.title ?? label ?? (path ? titleCase(path.split('.').pop()!) : msg('Configuration', { id: 'schema.configuration' })),
    kind,
    value: value === undefined ? schema.default : value,
    required,
    ...(schema.description && { description: schema.description }),
    ...(kind === 'enum' && { options: schema.enum ?? [schema.const] }),
    ...(schema.minimum !== undefined && { min: schema.minimum }),
    ...(schema.maximum !== undefined && { max: schema.maximum }),
  };
  if (kind === 'object') {
    const obj = isRecord(value) ? value : {};
    const req = new Set(schema.required ?? []);
    field.children = Object.entries(schema.properties ?? {}).map(([key, sub]) =>
      schemaToFields(sub, obj[key], path ? `${path}.${key}` : key, req.has(key), titleCase(key)),
    );
  } else if (kind === 'array' && schema.items && Array.isArray(value)) {
    field.children = value.map((item, i) => schemaToFields(schema.items!, item, path ? `${path}.${i}` : String(i), true, `#${i + 1}`));
  }
  return field;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

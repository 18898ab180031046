import { z } from 'zod';
import type { RouteDoc } from './route-module.js';
import { SESSION_COOKIE } from './middleware/authenticate.js';
import { errorSchema } from './schemas.js';

type Json = Record<string, unknown>;

const ERRORS: Record<string, string> = {
  '400': 'invalid input',
  '401': 'not signed in',
  '403': 'role too low',
  '404': 'unknown',
  '409': 'conflict',
  '410': 'gone (used or expired)',
  '413': 'body too large',
  '429': 'rate limited',
};

/**
 * OpenAPI 3.0 ignores `nullable` beside no `type`, which zod writes for a nullable union (`{anyOf, nullable}`):
 * the null moves into each typed member instead.
 */
function typedNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(typedNullable);
  if (typeof node !== 'object' || node === null) return node;
  const json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, typedNullable(v)])) as Json;
  if (json.nullable === true && json.type === undefined && Array.isArray(json.anyOf)) {
    const { nullable: _, ...rest } = json;
    return { ...rest, anyOf: (json.anyOf as Json[]).map((member) => (member.type === undefined ? member : { ...member, nullable: true })) };
  }
  return json;
}

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): Json =>
  typedNullable(z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' })) as Json;

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

const SIGNED_IN = [{ bearer: [] }, { cookie: [] }];

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `get` + `/entities/:id/commands/:command` → `getEntitiesByIdCommandsByCommand`: unique as method and path are. */
function operationId(doc: RouteDoc): string {
  const words = doc.path.split(/[^A-Za-z0-9:]+/).filter(Boolean).map((w) => (w.startsWith(':') ? `By${capital(w.slice(1))}` : capital(w)));
  return doc.method + words.join('');
}

/** The first path segment groups operations: `/entities/:id` → `entities`. */
const tagOf = (doc: RouteDoc) => doc.path.split('/').find(Boolean)?.replace(/\..*$/, '') ?? 'hub';

function operation(doc: RouteDoc): Json {
  const { status = 200, body } = doc.response ?? {};
  return {
    operationId: operationId(doc),
    summary: doc.summary,
    tags: [tagOf(doc)],
    'x-hearth-access': doc.access,
    // Signed-in is the document's default; public routes opt out.
    ...(doc.access === 'public' && { security: [] }),
    parameters: [...parameters(doc.params, 'path'), ...parameters(doc.query, 'query')],
    ...(doc.body && { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(doc.body, 'input') } } } }),
    responses: {
      [status]: body ? { description: 'ok', content: { 'application/json': { schema: schemaOf(body, 'output') } } } : { description: 'ok' },
      ...Object.fromEntries(
        Object.entries(ERRORS).map(([code, description]) => [code, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
      ),
    },
  };
}

/** OpenAPI 3 document built from the zod schemas the routes validate with. */
export function buildOpenApi(docs: readonly RouteDoc[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const doc of docs) {
    const path = `/api${doc.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
    paths[path] = { ...paths[path], [doc.method]: operation(doc) };
  }
  const tags = [...new Set(docs.map(tagOf))].sort().map((name) => ({ name, description: `${capital(name)} routes` }));
  return {
    openapi: '3.0.3',
    info: {
      title: 'Hearth API',
      version,
      description: 'REST API of a Hearth home-automation hub (docs/api.md). Errors answer `{error: {code, message}}`.',
      license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
    },
    // Relative: the document is served by the hub it describes, whatever its host and port.
    servers: [{ url: '/', description: 'this hub' }],
    security: SIGNED_IN,
    tags,
    paths,
    components: {
      schemas: { Error: schemaOf(errorSchema, 'output') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'a session token from login or an API token' },
        cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'the session cookie the dashboard signs in with' },
      },
    },
  };
}

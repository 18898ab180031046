import { z } from 'zod';
import type { RouteDoc } from './route-module.js';
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

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): Json =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Json;

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

function operation(doc: RouteDoc): Json {
  const { status = 200, body } = doc.response ?? {};
  return {
    summary: doc.summary,
    'x-hearth-access': doc.access,
    ...(doc.access !== 'public' && { security: [{ bearer: [] }, { cookie: [] }] }),
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
  return {
    openapi: '3.0.3',
    info: { title: 'Hearth API', version },
    paths,
    components: {
      schemas: { Error: schemaOf(errorSchema, 'output') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'a session token from login or an API token' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'hearth_session' },
      },
    },
  };
}

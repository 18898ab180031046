import { z } from 'zod';
import { roleSchema } from '../auth/index.js';
import { DOMAINS } from '../kernel/index.js';

/** Response shapes, for the OpenAPI document and response tests. */
export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const userSchema = z.object({ id: z.string(), username: z.string(), role: roleSchema, displayName: z.string().optional().describe('only when the user set one') });
export const storedUserSchema = userSchema.extend({ createdAt: z.iso.datetime() });

export const sessionSchema = z.object({ token: z.string(), expiresAt: z.iso.datetime(), user: userSchema });

export const tokenInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export const issuedTokenSchema = tokenInfoSchema.pick({ id: true, name: true, expiresAt: true }).extend({
  token: z.string().describe('shown once; store it now'),
});

export const contextSchema = z.object({
  id: z.string(),
  userId: z.string().optional(),
  role: z.enum(['owner', 'admin', 'member']).optional().describe('the role the command that caused it acted with'),
  automationId: z.string().optional(),
  parentId: z.string().optional(),
  node: z.string().optional(),
});

export const entityStateSchema = z.object({
  id: z.string(),
  domain: z.enum(DOMAINS),
  name: z.string(),
  area: z.string().nullable(),
  state: z.union([z.string(), z.number()]).nullable(),
  attributes: z.record(z.string(), z.unknown()),
  available: z.boolean(),
  lastChanged: z.iso.datetime(),
  lastUpdated: z.iso.datetime(),
  context: contextSchema,
});

export const healthSchema = z.object({ status: z.literal('ok'), version: z.string(), uptimeS: z.number() });

export const idParam = z.strictObject({ id: z.string().min(1).max(200) });

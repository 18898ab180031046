/**
 * For route tests that mount one route module without the auth stack: the caller's role
 * comes from an `x-role` header, and `call` sends JSON with it.
 */
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../../core/api/env.js';
import type { HttpServer } from '../../core/api/server.js';
import { createContext, type Role } from '../../core/kernel/index.js';

/** Stands in for the auth middleware: signs in as the role the `x-role` header names, if any. */
export const roleFromHeader: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const role = c.req.header('x-role') as Role | undefined;
  if (role) c.set('user', { id: `u-${role}`, username: role, role });
  c.set('context', createContext(role ? { userId: `u-${role}` } : {}));
  await next();
};

/** Sends `body` (JSON, or a raw string) as `role` (none with null); the answer's status and parsed body. */
export async function callAs(server: HttpServer, method: string, path: string, body?: unknown, role: Role | null = 'admin') {
  const res = await fetch(new URL(path, server.url), {
    method,
    headers: { 'content-type': 'application/json', ...(role && { 'x-role': role }) },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}

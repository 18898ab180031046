import type { Hono } from 'hono';
import type { z } from 'zod';
import type { Role } from '../kernel/index.js';
import type { ApiEnv } from './env.js';

/** One documented operation, described by the same zod schemas that validate it. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Relative to `/api`, Hono style: `/entities/:id`. */
  path: string;
  summary: string;
  /** Minimum role, or `public` for routes anyone may call. */
  access: Role | 'public';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success status and body (omit the body for 204). */
  response?: { status: number; body?: z.ZodType };
}

/**
 * A feature's routes: a `Hono<ApiEnv>` mounted under `/api`. Every route needs a
 * signed-in user unless its full path is listed in `publicPaths` (e.g. `/api/metrics`,
 * which checks its own token).
 */
export interface RouteModule {
  readonly routes: Hono<ApiEnv>;
  readonly docs?: readonly RouteDoc[];
  readonly publicPaths?: readonly string[];
  /** Routes that take more than the default body limit (an image upload): full path pattern and bytes. */
  readonly bodyLimits?: readonly { pattern: RegExp; maxBytes: number }[];
}

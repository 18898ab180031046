import { z } from 'zod';
import type { Domain } from '../kernel/domains.js';

const OBJECT_ID = z.string().regex(/^[a-z0-9_]+$/);

/**
 * A config key holding an entity id of one of `domains`, typed as such
 * (`cover.${string}`), so `ctx.entities.add` knows the domain and types the
 * entity's command handlers and states from it.
 */
export function entityIdSchema<const D extends Domain>(...domains: [D, ...D[]]) {
  const shape = domains.length === 1 ? `${domains[0]}.<object_id>` : `<${domains.join('|')}>.<object_id>`;
  return z.templateLiteral([z.enum(domains), '.', OBJECT_ID], { error: `must look like ${shape} (object_id of a-z, 0-9 and _)` });
}

import { z } from 'zod';

/** The keys every entity entry in a plugin's config shares. */
export const entityBase = {
  name: z.string().optional(),
  area: z.string().regex(/^[a-z0-9_]+$/).optional(),
};

export const objectId = (domain: string): z.ZodString => z.string().regex(new RegExp(`^${domain}\\.[a-z0-9_]+$`), `must look like ${domain}.<object_id>`);

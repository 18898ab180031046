import { z } from 'zod';

/** The keys every entity entry in a plugin's config shares. */
export const entityBase = {
  name: z.string().optional(),
  area: z.string().regex(/^[a-z0-9_]+$/).optional(),
};


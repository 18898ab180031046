import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';
import { ValidationError } from '../errors.js';

type Target = 'json' | 'query' | 'param';

/** zod validation for a request part; a failure becomes a 400 with every issue and its path. */
export function validate<T extends z.ZodType, K extends Target>(target: K, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
      throw new ValidationError(`invalid ${target === 'json' ? 'body' : target}: ${summary}`, issues);
    }
  });
}

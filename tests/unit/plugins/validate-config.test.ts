import { describe, expect, it } from 'vitest';
import { createConfigSchemaCompiler } from '../../../core/plugins/validate-config.js';

const compileConfigSchema = createConfigSchemaCompiler();

const wiring = {
  type: 'object',
  properties: {
    cover: {
      anyOf: [
        { type: 'object', properties: { upLine: { type: 'integer' }, downLine: { type: 'integer' } }, required: ['upLine', 'downLine'], additionalProperties: false },
        { type: 'object', properties: { powerLine: { type: 'integer' }, directionLine: { type: 'integer' } }, required: ['powerLine', 'directionLine'], additionalProperties: false },
      ],
    },
  },
};

describe('plugin config validation', () => {
  it('reports only the alternative of a union the user evidently meant', () => {
    const issues = compileConfigSchema(wiring)({ cover: { upLine: 5, downLne: 6 } });
    expect(issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'cover.downLine: missing required key',
      "cover.downLne: unknown key 'downLne' (did you mean 'downLine'?)",
    ]);
  });

  it('accepts either alternative', () => {
    const validate = compileConfigSchema(wiring);
    expect(validate({ cover: { upLine: 5, downLine: 6 } })).toEqual([]);
    expect(validate({ cover: { powerLine: 5, directionLine: 6 } })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { acceptedCodings } from '../../../core/api/content-coding.js';

describe('acceptedCodings', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['gzip, deflate, br', ['br', 'gzip']],
    ['gzip;q=1.0, br;q=0.5', ['br', 'gzip']],
    ['GZIP', ['gzip']],
    ['br;q=0, gzip', ['gzip']],
    ['*', ['br', 'gzip']],
    ['*;q=0', []],
    ['gzip;q=0, *', ['br']],
    ['identity', []],
    ['br;q=nonsense', []],
  ] as const)('%s → %j', (header, expected) => {
    expect(acceptedCodings(header)).toEqual(expected);
  });
});

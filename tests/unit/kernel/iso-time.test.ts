import { expect, it } from 'vitest';
import { isoTime } from '../../../core/kernel/index.js';

it('formats epoch milliseconds as ISO 8601, the same millisecond twice and a new one alike', () => {
  const ms = Date.parse('2026-11-23T04:05:06.789Z');
  expect(isoTime(ms)).toBe('2026-11-23T04:05:06.789Z');
  expect(isoTime(ms)).toBe('2026-11-23T04:05:06.789Z');
  expect(isoTime(ms + 1)).toBe('2026-11-23T04:05:06.790Z');
  expect(isoTime(0)).toBe('1970-01-01T00:00:00.000Z');
});

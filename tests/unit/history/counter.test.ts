import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { increase, windowChanges } from '../../../core/history/counter.js';
import { regroup } from '../../../core/history/windows.js';

describe('counter consumption', () => {
  it('counts rises, starts at 0 on the first reading and takes a drop as a reset from 0', () => {
    expect(increase(undefined, 1234)).toBe(0);
    expect(increase(10, 12.5)).toBe(2.5);
    expect(increase(10, 10)).toBe(0);
    expect(increase(1000, 3)).toBe(3);
    expect(increase(1000, 0)).toBe(0);
  });

  it('takes a dip of under 10% as a glitch that counts nothing, not as a reset', () => {
    expect(increase(12_100, 12_000)).toBe(0);
    expect(increase(10.005, 10.004999)).toBe(0);
    expect(increase(100, 89.9)).toBe(89.9);
  });

  it('gives each window the change shown by its readings, the previous reading carried in', () => {
    const readings = [{ ms: 10, value: 101 }, { ms: 90, value: 104 }, { ms: 150, value: 2 }, { ms: 320, value: 5 }];
    expect([...windowChanges(100, readings, 100)]).toEqual([[0, 4], [100, 2], [300, 3]]);
    expect([...windowChanges(undefined, readings, 100)]).toEqual([[0, 3], [100, 2], [300, 3]]);
  });

  it('is never negative and, without resets, adds up to the rise of the index', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (values) => {
      const readings = values.map((value, i) => ({ ms: i * 37, value }));
      const changes = [...windowChanges(values[0], readings, 100).values()];
      expect(changes.every((c) => c >= 0)).toBe(true);
      const sorted = [...values].sort((a, b) => a - b);
      const monotonic = [...windowChanges(sorted[0], sorted.map((value, i) => ({ ms: i * 37, value })), 100).values()];
      expect(monotonic.reduce((a, b) => a + b, 0)).toBeCloseTo(sorted.at(-1)! - sorted[0]!, 3);
    }));
  });

  it('merges counter rows into coarser ones by adding changes and keeping the last sum', () => {
    const row = (start: number, change: number, sum: number) => ({ start, mean: 1, min: 1, max: 1, count: 1, change, sum });
    const merged = regroup([row(0, 1, 11), row(50, 2, 13), row(100, 4, 17)], (s) => Math.floor(s / 100) * 100, false);
    expect(merged).toEqual([{ ...row(0, 3, 13), count: 2 }, row(100, 4, 17)]);
    expect(regroup([{ start: 0, mean: 1, min: 1, max: 1, count: 1 }], () => 0, false)[0]).not.toHaveProperty('change');
  });
});

import { describe, expect, it } from 'vitest';
import { deadTimeLeftMs, directionFor, positionAt, runDurationMs } from '../../../plugins/shutter/motion.js';

const travel = { upMs: 20_000, downMs: 10_000, runOnMs: 2000, startDelayMs: 500 };

describe('shutter arithmetic', () => {
  it('estimates position from separate up and down travel times, after the start delay', () => {
    expect(positionAt({ direction: 'up', startedAt: 0, from: 0, target: 100 }, travel, 500)).toBe(0);
    expect(positionAt({ direction: 'up', startedAt: 0, from: 0, target: 100 }, travel, 10_500)).toBe(50);
    expect(positionAt({ direction: 'down', startedAt: 0, from: 100, target: 0 }, travel, 5500)).toBe(50);
  });

  it('never estimates past the target or the ends', () => {
    expect(positionAt({ direction: 'up', startedAt: 0, from: 0, target: 40 }, travel, 60_000)).toBe(40);
    expect(positionAt({ direction: 'down', startedAt: 0, from: 30, target: 0 }, travel, 60_000)).toBe(0);
  });

  it('adds the run-on only for the ends', () => {
    expect(runDurationMs('up', 0, 50, travel)).toBe(500 + 10_000);
    expect(runDurationMs('up', 50, 100, travel)).toBe(500 + 10_000 + 2000);
    expect(runDurationMs('down', 50, 0, travel)).toBe(500 + 5000 + 2000);
  });

  it('re-runs an estimated end position into the limit switch', () => {
    expect(directionFor(100, 100, false)).toBeUndefined();
    expect(directionFor(100, 100, true)).toBe('up');
    expect(directionFor(0, 0, true)).toBe('down');
    expect(directionFor(40, 40, true)).toBeUndefined();
  });

  it('counts the dead time only on reversal', () => {
    expect(deadTimeLeftMs({ direction: 'up', at: 1000 }, 'down', 1000, 1300)).toBe(700);
    expect(deadTimeLeftMs({ direction: 'up', at: 1000 }, 'up', 1000, 1300)).toBe(0);
    expect(deadTimeLeftMs(undefined, 'down', 1000, 0)).toBe(0);
  });
});

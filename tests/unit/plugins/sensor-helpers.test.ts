import { describe, expect, it } from 'vitest';
import { createReadingFilter, QUANTITIES } from '../../../hardware/index.js';
import { dutyFor, fadeLevel } from '../../../plugins/pwm-light/fade.js';

describe('sensor helpers', () => {
  it('calibrates, rounds and drops changes below the threshold', () => {
    const filter = createReadingFilter(QUANTITIES.temperature, { offset: -0.5, scale: 1, threshold: 0.2 });
    expect(filter(21.123)).toBe(20.62);
    expect(filter(21.2)).toBeUndefined();
    expect(filter(21.35)).toBe(20.85);
  });
});

describe('dimming maths', () => {
  it('maps brightness through the gamma curve', () => {
    expect(dutyFor(0, 2.2)).toBe(0);
    expect(dutyFor(100, 2.2)).toBe(1);
    expect(dutyFor(50, 2.2)).toBeCloseTo(0.2176, 3);
    expect(dutyFor(50, 1)).toBe(0.5);
  });

  it('fades linearly in perceived brightness and ends exactly on the target', () => {
    expect(fadeLevel(0, 80, 500, 1000)).toBe(40);
    expect(fadeLevel(80, 0, 250, 1000)).toBe(60);
    expect(fadeLevel(10, 80, 2000, 1000)).toBe(80);
  });
});

import { describe, expect, it } from 'vitest';
import { decide, wantsHeat, type ControlInput } from '../../../../plugins/thermostat/control.js';

const base: ControlInput = { cutoff: null, currentC: 20, targetC: 20, toleranceC: 0.3, heating: false, lastSwitchAt: undefined, now: 1_000_000, minCycleMs: 300_000 };

describe('thermostat control (pure)', () => {
  it('starts at target − tolerance and stops at target + tolerance, holding in between', () => {
    expect(wantsHeat(19.8, 20, 0.3, false)).toBe(false);
    expect(wantsHeat(19.7, 20, 0.3, false)).toBe(true);
    expect(wantsHeat(20.2, 20, 0.3, true)).toBe(true);
    expect(wantsHeat(20.3, 20, 0.3, true)).toBe(false);
    expect(wantsHeat(null, 20, 0.3, true)).toBe(true);
    expect(wantsHeat(null, 20, 0.3, false)).toBe(false);
  });

  it('holds a switch back until the output has kept its state for the minimum cycle, and says when to retry', () => {
    const cold = { ...base, currentC: 18, lastSwitchAt: base.now - 100_000 };
    expect(decide(cold)).toEqual({ heat: false, retryAt: base.now + 200_000 });
    expect(decide({ ...cold, now: base.now + 200_000 })).toEqual({ heat: true });
    expect(decide({ ...base, currentC: 18 })).toEqual({ heat: true });
  });

  it('cuts off at once, minimum cycle or not', () => {
    for (const cutoff of ['off', 'window', 'sensor'] as const) {
      expect(decide({ ...base, cutoff, currentC: 15, heating: true, lastSwitchAt: base.now - 1 })).toEqual({ heat: false });
    }
  });
});

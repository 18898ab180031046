import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { automationToRule, OPERATORS, parseOrThrow, ruleToAutomation, TARGET_STATES, type SimpleRule, type TargetState } from '../../../core/automation/index.js';
import { inRange } from '../../../core/automation/conditions.js';

const rule = (op: SimpleRule['op'], value: number | string): SimpleRule => ({ id: 'r', sensor: 'sensor.t', op, value, target: 'switch.fan', state: 'on' });

describe('simple rules', () => {
  it('maps each operator to a valid automation', () => {
    expect(ruleToAutomation(rule('>', 25))).toEqual({ id: 'r', triggers: [{ type: 'numeric_state', entity: 'sensor.t', above: 25 }], actions: [{ command: 'turn_on', entity: 'switch.fan' }] });
    expect(ruleToAutomation(rule('==', 'on')).triggers).toEqual([{ type: 'state', entity: 'sensor.t', to: 'on' }]);
    expect(ruleToAutomation(rule('!=', 3)).triggers).toEqual([{ type: 'state', entity: 'sensor.t', from: 3 }]);
    for (const op of OPERATORS) expect(() => parseOrThrow(ruleToAutomation(rule(op, 12.5)))).not.toThrow();
    expect(() => ruleToAutomation(rule('>', 'warm'))).toThrow(/needs a number/);
  });

  it('inclusive operators keep their meaning exactly at the boundary', () => {
    const trigger = (op: SimpleRule['op']) => ruleToAutomation(rule(op, 20)).triggers[0] as { above?: number; below?: number };
    const holds = (op: SimpleRule['op'], v: number) => inRange(v, trigger(op).above, trigger(op).below);
    expect([holds('>=', 20), holds('>=', 19.999), holds('>', 20)]).toEqual([true, false, false]);
    expect([holds('<=', 20), holds('<=', 20.001), holds('==', 20), holds('==', 20.0001)]).toEqual([true, false, true, false]);
  });

  it('round-trips every rule', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OPERATORS),
        fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1000, max: 1000, noNaN: true }).map((x) => Math.round(x * 100) / 100)),
        fc.constantFrom(...(Object.keys(TARGET_STATES) as TargetState[])),
        (op, value, state) => {
          const r: SimpleRule = { id: 'r', sensor: 'sensor.t', op, value: value === 0 ? 0 : value, target: 'switch.fan', state };
          expect(automationToRule(ruleToAutomation(r) as Parameters<typeof automationToRule>[0])).toEqual(r);
        },
      ),
    );
  });

  it('says when an automation is more than a simple rule', () => {
    const full = { id: 'x', triggers: [{ type: 'numeric_state', entity: 'sensor.t', above: 3, for: 60 }], actions: [{ command: 'turn_on', entity: 'switch.fan' }] };
    expect(automationToRule(full)).toBeUndefined();
    expect(automationToRule({ ...full, triggers: [{ type: 'event', event: 'x' }] })).toBeUndefined();
    expect(automationToRule({ ...full, triggers: [{ type: 'numeric_state', entity: 'sensor.t', above: 3 }], conditions: [{ type: 'time', after: '08:00' }] })).toBeUndefined();
  });
});

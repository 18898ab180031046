import { describe, expect, it } from 'vitest';
import { parseAutomation, parseOrThrow } from '../../../core/automation/index.js';
import { parseDuration } from '../../../core/automation/duration.js';
import { ValidationError } from '../../../core/errors.js';

const base = { id: 'a', triggers: [{ type: 'state', entity: 'binary_sensor.motion', to: 'on' }], actions: [{ command: 'turn_on', entity: 'light.hall' }] };

describe('automation schema', () => {
  it('accepts the DESIGN §7 example and fills defaults', () => {
    const def = parseOrThrow({
      id: 'hall_light_on_motion',
      mode: 'restart',
      triggers: [{ type: 'state', entity: 'binary_sensor.hall_motion', to: 'on' }],
      conditions: [{ type: 'numeric_state', entity: 'sensor.hall_illuminance', below: 40 }],
      actions: [
        { command: 'turn_on', entity: 'light.hall', params: { brightness: 80 } },
        { wait_for_trigger: { type: 'state', entity: 'binary_sensor.hall_motion', to: 'off', for: '2m' }, timeout: '30m' },
        { command: 'turn_off', entity: 'light.hall' },
      ],
    });
    expect(def.enabled).toBe(true);
    expect(def.max).toBe(10);
    const wait = def.actions[1] as { wait_for_trigger: { for?: number }[]; timeout: number; continue_on_timeout: boolean };
    expect(wait.wait_for_trigger[0]!.for).toBe(120_000);
    expect(wait.timeout).toBe(1_800_000);
    expect(wait.continue_on_timeout).toBe(true);
  });

  it('names the path of a wrong value', () => {
    const result = parseAutomation({ ...base, triggers: [{ type: 'numeric_state', entity: 'sensor.t', below: 'cold' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.path).toEqual(['triggers', 0, 'below']);
    expect(result.issues[0]!.message).toMatch(/expected number/);
  });

  it('suggests the key meant by a typo, deep inside actions', () => {
    expect(() => parseOrThrow({ ...base, actions: [{ choose: [{ conditions: [{ type: 'state', entity: 'light.hall', stat: 'on' }], actions: [{ delay: 5 }] }] }] })).toThrow(
      /actions\[0\]\.choose\[0\]\.conditions\[0\]\.stat: unknown key 'stat' \(did you mean 'state'\?\)/,
    );
  });

  it('explains an unknown trigger type and an action without a known key', () => {
    const result = parseAutomation({ ...base, triggers: [{ type: 'sunshine' }], actions: [{ wait: 5 }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path.join('.'))).toEqual(['triggers.0', 'actions.0']);
    expect(result.issues[0]!.message).toMatch(/type: one of state, numeric_state/);
    expect(result.issues[1]!.message).toMatch(/one of the keys command, delay/);
  });

  it('refuses bad durations, times, ids and repeat forms with a 400', () => {
    const attempt = (patch: object) => () => parseOrThrow({ ...base, ...patch });
    expect(attempt({ actions: [{ delay: 'soon' }] })).toThrow(/actions\[0\]\.delay: expected a duration/);
    expect(attempt({ triggers: [{ type: 'time', at: '25:00' }] })).toThrow(/triggers\[0\]\.at/);
    expect(attempt({ id: 'Bad Id' })).toThrow(/id: use lower-case/);
    expect(attempt({ actions: [{ repeat: { count: 2, while: [{ type: 'state', entity: 'light.hall', state: 'on' }], actions: [{ delay: 1 }] } }] })).toThrow(/exactly one of count, while, until/);
    expect(attempt({ triggers: [{ type: 'numeric_state', entity: 'sensor.t' }] })).toThrow(ValidationError);
  });

  it('checks a command on a named entity against its domain and params', () => {
    const actions = (...list: unknown[]) => () => parseOrThrow({ ...base, actions: list });
    expect(actions({ command: 'lock', entity: 'switch.pump' })).toThrow(/actions\[0\]\.command: unknown command 'lock' for switch; expected one of turn_on, turn_off, toggle/);
    expect(actions({ command: 'press', entity: 'weather.home' })).toThrow(/weather entities take no commands/);
    expect(actions({ command: 'set_value', entity: 'number.boiler', params: { value: 'hot' } })).toThrow(/actions\[0\]\.params\.value: .*expected number/);
    expect(actions({ command: 'disarm', entity: 'alarm_control_panel.house' })).toThrow(/actions\[0\]\.params\.code/);
    expect(actions({ command: 'set_hvac_mode', entity: 'climate.hall', params: { mode: 'turbo' } })).toThrow(/params\.mode/);
    expect(actions({ delay: 1 }, { command: 'lock', entity: 'lock.door', params: { force: true } })).toThrow(/actions\[1\]\.params: .*force/);
    expect(actions({ choose: [{ conditions: [{ type: 'state', entity: 'lock.door', state: 'locked' }], actions: [{ command: 'set_percentage', entity: 'fan.bath', params: { percentage: 140 } }] }] })).toThrow(
      /actions\[0\]\.choose\[0\]\.actions\[0\]\.params\.percentage/,
    );
    // Valid ones pass; templates are left to the dispatcher once the run fills them in.
    expect(
      actions(
        { command: 'set_temperature', entity: 'climate.hall', params: { temperature: 21.5 } },
        { command: 'select_option', entity: 'select.mode', params: { option: 'eco' } },
        { command: 'arm_away', entity: 'alarm_control_panel.house' },
        { command: 'set_value', entity: 'number.boiler', params: { value: '{{ trigger.to }}' } },
        { command: 'anything', entity: '{{ trigger.entity }}' },
        { command: 'toggle', entity: 'siren.yard' },
      ),
    ).not.toThrow();
  });

  it('parses durations in every accepted form', () => {
    expect(parseDuration(90)).toBe(90_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('01:00:30')).toBe(3_630_000);
    expect(parseDuration('-15m')).toBe(-900_000);
    expect(parseDuration('later')).toBeUndefined();
  });
});

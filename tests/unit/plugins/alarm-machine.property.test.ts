import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { INITIAL_STATE, openGuarding, step, type AlarmEvent, type AlarmState, type CodeCheck, type MachineConfig, type Mode } from '../../../plugins/alarm/machine.js';

const DOOR = 'binary_sensor.front_door';
const MOTION = 'binary_sensor.hall_motion';
const WINDOW = 'binary_sensor.kitchen_window';
const ZONES = [DOOR, MOTION, WINDOW];

const config: MachineConfig = {
  zones: [
    { entity: DOOR, modes: ['away', 'home', 'night'], instant: false, bypassable: false },
    { entity: MOTION, modes: ['away'], instant: true, bypassable: true },
    { entity: WINDOW, modes: ['away', 'night'], instant: false, bypassable: true },
  ],
  exitDelayS: { away: 60, home: 0, night: 5 },
  entryDelayS: 30,
  triggerS: 180,
  afterTrigger: 'armed',
  codeArmRequired: false,
};

type Step =
  | { kind: 'event'; event: AlarmEvent }
  | { kind: 'wait'; ms: number }
  | { kind: 'restart' };

const mode = fc.constantFrom<Mode>('home', 'away', 'night');
const auth = fc.constantFrom<CodeCheck>('ok', 'duress', 'bad', 'none');
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('event' as const), event: fc.record({ type: fc.constant('arm' as const), mode, auth, bypass: fc.subarray(ZONES) }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('event' as const), event: fc.record({ type: fc.constant('disarm' as const), auth }) }) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'event', event: { type: 'trigger' } }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('event' as const), event: fc.record({ type: fc.constant('zone' as const), entity: fc.constantFrom(...ZONES), open: fc.boolean() }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 200_000 })) }) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'restart' }) },
);

/** Runs the machine as the plugin does (a timer at each deadline, restarts through JSON) and watches the sirens. */
function run(config: MachineConfig, steps: Step[]) {
  let now = 1_000_000;
  let state: AlarmState = INITIAL_STATE;
  let sirenOnAt: number | undefined;
  const violations: string[] = [];

  const apply = (event: AlarmEvent) => {
    const before = state;
    const result = step(config, state, event, now);
    state = result.state;
    for (const effect of result.effects) {
      if (effect.type !== 'sirens') continue;
      if (effect.on && sirenOnAt === undefined) sirenOnAt = now;
      if (!effect.on && sirenOnAt !== undefined) {
        const ranMs = now - sirenOnAt;
        const disarmed = event.type === 'disarm' && !result.rejected;
        if (!disarmed && ranMs !== config.triggerS * 1000) violations.push(`sirens ran ${ranMs} ms, not ${config.triggerS * 1000}`);
        sirenOnAt = undefined;
      }
    }
    if ((sirenOnAt !== undefined) !== (state.state === 'triggered')) violations.push(`sirens ${sirenOnAt !== undefined ? 'on' : 'off'} while ${state.state}`);
    if (event.type === 'disarm' && (event.auth === 'bad' || event.auth === 'none')) {
      if (!result.rejected || state !== before) violations.push(`disarm with ${event.auth} code was not refused`);
    }
    if (event.type === 'arm') {
      const open = openGuarding(config, before, event.mode, event.bypass);
      if (open.length && !result.rejected) violations.push(`armed ${event.mode} with ${open.join(', ')} open`);
      if (open.length && result.rejected?.code === 'open_zones') expect(result.rejected.openZones).toEqual(open);
    }
  };

  for (const s of steps) {
    if (s.kind === 'event') apply(s.event);
    else if (s.kind === 'restart') {
      state = JSON.parse(JSON.stringify(state)) as AlarmState;
      apply({ type: 'restore' });
    } else {
      const end = now + s.ms;
      while (state.until !== undefined && state.until <= end) {
        now = state.until;
        apply({ type: 'tick' });
      }
      now = end;
    }
  }
  return { violations, state };
}

describe('alarm state machine (property)', () => {
  it('sirens run exactly triggerS unless disarmed, wrong codes never disarm, open guarding zones refuse arming', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), fc.constantFrom<'armed' | 'disarmed'>('armed', 'disarmed'), fc.boolean(), (steps, afterTrigger, codeArmRequired) => {
        expect(run({ ...config, afterTrigger, codeArmRequired }, steps).violations).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('alarm state machine (examples)', () => {
  const at = (s: AlarmState, e: AlarmEvent, now: number) => step(config, s, e, now);

  it('refuses arming with the front door open, naming it, and arms with a bypassable zone bypassed', () => {
    const open = at(at(INITIAL_STATE, { type: 'zone', entity: DOOR, open: true }, 0).state, { type: 'zone', entity: WINDOW, open: true }, 0).state;
    const refused = at(open, { type: 'arm', mode: 'away', auth: 'none', bypass: [WINDOW] }, 0);
    expect(refused.rejected).toMatchObject({ code: 'open_zones', openZones: [DOOR] });
    const door = at(open, { type: 'arm', mode: 'away', auth: 'none', bypass: [DOOR] }, 0);
    expect(door.rejected?.code).toBe('not_bypassable');
    const closed = at(open, { type: 'zone', entity: DOOR, open: false }, 0).state;
    const armed = at(closed, { type: 'arm', mode: 'night', auth: 'none', bypass: [WINDOW], by: 'alice' }, 0);
    expect(armed.state).toMatchObject({ state: 'arming', mode: 'night', until: 5000, bypassed: [WINDOW], changedBy: 'alice' });
    expect(armed.effects).toEqual([{ type: 'bypass', zones: [WINDOW], by: 'alice' }]);
  });

  it('a delayed zone starts the entry delay, an instant one triggers at once, and a stored state resumes its deadline', () => {
    const armed = at(INITIAL_STATE, { type: 'arm', mode: 'home', auth: 'ok', bypass: [] }, 0).state;
    expect(armed.state).toBe('armed_home');
    const pending = at(armed, { type: 'zone', entity: DOOR, open: true }, 10_000).state;
    expect(pending).toMatchObject({ state: 'pending', until: 40_000 });
    const restored = at(JSON.parse(JSON.stringify(pending)) as AlarmState, { type: 'restore' }, 25_000);
    expect(restored.state.until).toBe(40_000);
    expect(restored.effects).toEqual([{ type: 'sirens', on: false }]);
    const fired = at(restored.state, { type: 'tick' }, 40_000);
    expect(fired.state).toMatchObject({ state: 'triggered', until: 220_000 });
    expect(fired.effects).toEqual([{ type: 'sirens', on: true }, { type: 'alert', kind: 'triggered', by: DOOR }]);

    const away = at(at(INITIAL_STATE, { type: 'arm', mode: 'away', auth: 'ok', bypass: [] }, 0).state, { type: 'tick' }, 60_000).state;
    expect(away.state).toBe('armed_away');
    expect(at(away, { type: 'zone', entity: MOTION, open: true }, 61_000).state.state).toBe('triggered');
    expect(at(armed, { type: 'zone', entity: MOTION, open: true }, 61_000).state.state).toBe('armed_home');
  });

  it('a duress code disarms and asks for an alert; a wrong one is refused', () => {
    const triggered = at(INITIAL_STATE, { type: 'trigger', by: 'bob' }, 0).state;
    expect(at(triggered, { type: 'disarm', auth: 'bad' }, 1).rejected?.code).toBe('bad_code');
    const duress = at(triggered, { type: 'disarm', auth: 'duress', by: 'carol' }, 1);
    expect(duress.state).toEqual({ state: 'disarmed', bypassed: [], open: [], changedBy: 'carol' });
    expect(duress.effects).toEqual([{ type: 'sirens', on: false }, { type: 'alert', kind: 'duress', by: 'carol' }]);
  });
});

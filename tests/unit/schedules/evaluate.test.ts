import { describe, expect, it } from 'vitest';
import { scheduleSchema, type ScheduleInput } from '../../../core/config/index.js';
import { compile, evaluate } from '../../../core/schedules/evaluate.js';

const PARIS = 'Europe/Paris';
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
function evalAt(input: Omit<ScheduleInput, 'id'>, when: string, timezone = PARIS) {
  const r = evaluate(compile(scheduleSchema.parse({ id: 's', ...input })), at(when), timezone);
  return { on: r.on, value: r.value, next: iso(r.next) };
}

describe('schedule evaluation', () => {
  const bedroom = { days: { mon: [{ from: '06:30', to: '08:00', value: 'comfort' }, { from: '18:00', to: '22:30', value: 'comfort' }] } };

  it('is on inside a block with its value, off outside, and names the next edge (Paris, winter = UTC+1)', () => {
    // Monday 2026-12-07
    expect(evalAt(bedroom, '2026-12-07T05:00:00Z')).toEqual({ on: false, value: undefined, next: '2026-12-07T05:30:00.000Z' });
    expect(evalAt(bedroom, '2026-12-07T05:30:00Z')).toEqual({ on: true, value: 'comfort', next: '2026-12-07T07:00:00.000Z' });
    expect(evalAt(bedroom, '2026-12-07T07:00:00Z')).toEqual({ on: false, value: undefined, next: '2026-12-07T17:00:00.000Z' });
    // After Monday's last block the next change is a week later
    expect(evalAt(bedroom, '2026-12-07T21:30:00Z')).toEqual({ on: false, value: undefined, next: '2026-12-14T05:30:00.000Z' });
  });

  it('carries a block ending at 24:00 into one starting at 00:00 without a change at midnight, and changes when the value differs', () => {
    const night = { days: { sun: [{ from: '22:00', to: '24:00', value: 'eco' }], mon: [{ from: '00:00', to: '06:00', value: 'eco' }] } };
    // Sunday 2026-12-06 23:00 Paris
    expect(evalAt(night, '2026-12-06T22:00:00Z')).toEqual({ on: true, value: 'eco', next: '2026-12-07T05:00:00.000Z' });
    const split = { days: { sun: [{ from: '22:00', to: '24:00', value: 'eco' }], mon: [{ from: '00:00', to: '06:00', value: 17 }] } };
    expect(evalAt(split, '2026-12-06T22:00:00Z')).toEqual({ on: true, value: 'eco', next: '2026-12-06T23:00:00.000Z' });
    expect(evalAt(split, '2026-12-06T23:00:00Z')).toEqual({ on: true, value: 17, next: '2026-12-07T05:00:00.000Z' });
  });

  it('follows the wall clock across spring-forward (2026-03-29, 02:00 CET → 03:00 CEST)', () => {
    const s = { days: { sun: [{ from: '02:30', to: '04:00' }, { from: '06:30', to: '08:00' }] } };
    // 01:30 CET: the 02:30 start falls in the gap, so the block starts when the clock jumps
    expect(evalAt(s, '2026-03-29T00:30:00Z')).toEqual({ on: false, value: undefined, next: '2026-03-29T01:00:00.000Z' });
    expect(evalAt(s, '2026-03-29T01:00:00Z')).toEqual({ on: true, value: undefined, next: '2026-03-29T02:00:00.000Z' });
    // 06:30 CEST is 04:30Z, an hour earlier in UTC than the winter 05:30Z
    expect(evalAt(s, '2026-03-29T03:00:00Z')).toEqual({ on: false, value: undefined, next: '2026-03-29T04:30:00.000Z' });
    expect(evalAt(s, '2026-03-22T03:00:00Z').next).toBe('2026-03-22T05:30:00.000Z');
  });

  it('follows the wall clock across fall-back (2026-10-25, 03:00 CEST → 02:00 CET): an edge in the repeated hour happens twice', () => {
    const s = { days: { sun: [{ from: '02:15', to: '02:45', value: 1 }, { from: '06:30', to: '08:00', value: 2 }] } };
    expect(evalAt(s, '2026-10-25T00:00:00Z')).toEqual({ on: false, value: undefined, next: '2026-10-25T00:15:00.000Z' });
    expect(evalAt(s, '2026-10-25T00:15:00Z')).toEqual({ on: true, value: 1, next: '2026-10-25T00:45:00.000Z' });
    expect(evalAt(s, '2026-10-25T00:45:00Z')).toEqual({ on: false, value: undefined, next: '2026-10-25T01:15:00.000Z' });
    expect(evalAt(s, '2026-10-25T01:15:00Z')).toEqual({ on: true, value: 1, next: '2026-10-25T01:45:00.000Z' });
    // 06:30 CET is 05:30Z
    expect(evalAt(s, '2026-10-25T02:00:00Z')).toEqual({ on: false, value: undefined, next: '2026-10-25T05:30:00.000Z' });
  });

  it('a block running through the autumn change ends at its wall time', () => {
    const s = { days: { sat: [{ from: '22:00', to: '24:00' }], sun: [{ from: '00:00', to: '04:00' }] } };
    // 23:00 CEST on Saturday: on until 04:00 CET on Sunday (03:00Z), one hour longer than usual
    expect(evalAt(s, '2026-10-24T21:00:00Z')).toEqual({ on: true, value: undefined, next: '2026-10-25T03:00:00.000Z' });
  });

  it('an exception replaces the day: a free holiday and a special day', () => {
    const s = {
      days: { weekdays: [{ from: '06:30', to: '08:00', value: 'comfort' }] },
      exceptions: [{ date: '2026-12-25', blocks: [] }, { date: '2026-12-26', blocks: [{ from: '09:00', to: '10:00', value: 'guests' }] }],
    };
    // Thursday 24th after the block: Friday 25th is free, Saturday 26th has the special block
    expect(evalAt(s, '2026-12-24T08:00:00Z').next).toBe('2026-12-26T08:00:00.000Z');
    expect(evalAt(s, '2026-12-26T08:30:00Z')).toEqual({ on: true, value: 'guests', next: '2026-12-26T09:00:00.000Z' });
    expect(evalAt(s, '2026-12-26T09:00:00Z').next).toBe('2026-12-28T05:30:00.000Z');
  });

  it('an empty schedule is off for ever', () => {
    expect(evalAt({}, '2026-12-07T05:00:00Z')).toEqual({ on: false, value: undefined, next: undefined });
  });

  it('works in UTC and in a zone west of it', () => {
    expect(evalAt(bedroom, '2026-12-07T06:00:00Z', 'UTC')).toEqual({ on: false, value: undefined, next: '2026-12-07T06:30:00.000Z' });
    expect(evalAt(bedroom, '2026-12-07T11:00:00Z', 'America/New_York')).toEqual({ on: false, value: undefined, next: '2026-12-07T11:30:00.000Z' });
  });
});

describe('schedule schema', () => {
  const issues = (input: unknown) => scheduleSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('refuses bad times, blocks crossing midnight, overlaps and repeated exception dates, with the path', () => {
    expect(issues({ id: 'a', days: { mon: [{ from: '25:00', to: '26:00' }] } })).toEqual([
      'days.mon.0.from: expected a time of day like 06:30 (00:00 to 23:59)',
      'days.mon.0.to: expected a time of day like 08:00 (00:01 to 24:00)',
    ]);
    expect(issues({ id: 'a', days: { mon: [{ from: '22:00', to: '02:00' }] } })[0]).toMatch(/^days\.mon\.0\.to: must be after from; a block may not cross midnight/);
    expect(issues({ id: 'a', days: { mon: [{ from: '08:00', to: '08:00' }] } })[0]).toMatch(/^days\.mon\.0\.to: must be after from/);
    expect(issues({ id: 'a', days: { tue: [{ from: '06:00', to: '09:00' }, { from: '08:30', to: '10:00' }] } })).toEqual(['days.tue.1.from: overlaps the block 06:00–09:00']);
    expect(issues({ id: 'a', exceptions: [{ date: '2026-02-30', blocks: [] }] })).toEqual(['exceptions.0.date: expected a date like 2026-12-25']);
    expect(issues({ id: 'a', exceptions: [{ date: '2026-12-25', blocks: [] }, { date: '2026-12-25', blocks: [] }] })).toEqual(['exceptions.1.date: 2026-12-25 is already given at exceptions[0]']);
    expect(issues({ id: 'a', days: { monday: [] } })).toEqual([": Unrecognized key: \"monday\""].map((s) => `days${s}`));
  });

  it('expands weekdays and weekend; a day given on its own wins', () => {
    const s = scheduleSchema.parse({ id: 'a', days: { weekdays: [{ from: '06:30', to: '08:00' }], wed: [], weekend: [{ from: '09:00', to: '10:00', value: 20.5 }] } });
    expect(s.days.mon).toEqual([{ from: '06:30', to: '08:00' }]);
    expect(s.days.wed).toEqual([]);
    expect(s.days.sun).toEqual([{ from: '09:00', to: '10:00', value: 20.5 }]);
  });
});

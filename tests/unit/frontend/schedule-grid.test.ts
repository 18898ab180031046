import { describe, expect, it } from 'vitest';
import { addBlock, copyDay, DAYS, moveBlock, overlaps, parseValue, snap, toClock, toMinutes, xToMinutes, type Week } from '../../../frontend/src/lib/schedule-grid.js';

const emptyWeek = (): Week => Object.fromEntries(DAYS.map((d) => [d, []])) as unknown as Week;

describe('schedule grid logic', () => {
  it('converts clock times and pixels to minutes, snapping to 15 minutes inside the day', () => {
    expect(toMinutes('06:30')).toBe(390);
    expect(toMinutes('24:00')).toBe(1440);
    expect(toClock(1440)).toBe('24:00');
    expect(toClock(65)).toBe('01:05');
    expect(snap(7)).toBe(0);
    expect(snap(8)).toBe(15);
    expect(snap(-30)).toBe(0);
    expect(snap(1500)).toBe(1440);
    expect(xToMinutes(150, 300)).toBe(720);
    expect(xToMinutes(101, 300)).toBe(480);
  });

  it('draws a block in either direction and refuses an empty or overlapping one', () => {
    const day = addBlock([], 540, 360, 'eco');
    expect(day).toEqual([{ from: '06:00', to: '09:00', value: 'eco' }]);
    expect(addBlock(day!, 600, 604)).toBeUndefined();
    expect(addBlock(day!, 480, 600)).toBeUndefined();
    expect(addBlock(day!, 540, 600)).toEqual([
      { from: '06:00', to: '09:00', value: 'eco' },
      { from: '09:00', to: '10:00', value: 'comfort' },
    ]);
    expect(overlaps(day!, 540, 600)).toBe(false);
    expect(overlaps(day!, 539, 600)).toBe(true);
  });

  it('moves a block by snapped minutes, keeps it inside the day and not onto another block', () => {
    const day = [{ from: '06:00', to: '07:00' }, { from: '12:00', to: '13:00' }];
    expect(moveBlock(day, 0, 68)).toEqual([{ from: '07:15', to: '08:15' }, { from: '12:00', to: '13:00' }]);
    expect(moveBlock(day, 1, 2000)).toEqual([{ from: '06:00', to: '07:00' }, { from: '23:00', to: '24:00' }]);
    expect(moveBlock(day, 1, -400)).toBeUndefined();
    expect(moveBlock(day, 1, -1000)).toEqual([{ from: '00:00', to: '01:00' }, { from: '06:00', to: '07:00' }]);
    expect(moveBlock(day, 5, 10)).toBeUndefined();
  });

  it('copies a day onto others, leaving the source and other days as they were', () => {
    const week = emptyWeek();
    week.mon = [{ from: '06:00', to: '08:00', value: 21 }];
    week.sat = [{ from: '09:00', to: '10:00' }];
    const copied = copyDay(week, 'mon', ['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(copied.fri).toEqual(week.mon);
    expect(copied.fri).not.toBe(week.mon);
    expect(copied.sat).toEqual([{ from: '09:00', to: '10:00' }]);
    expect(week.tue).toEqual([]);
  });

  it('reads a typed value as °C when numeric, else as a preset name', () => {
    expect(parseValue(' 21.5 ')).toBe(21.5);
    expect(parseValue('comfort')).toBe('comfort');
  });
});

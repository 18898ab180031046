import { describe, expect, it } from 'vitest';
import { demoPowerVA } from '../../../plugins/demo-house/consumption.js';

describe('demo house consumption', () => {
  const quiet = { baseVA: 250, heatingRooms: 0, heaterVA: 1500, switched: [{ va: 60, on: false }], dimmed: [{ va: 40, duty: 0 }] };

  it('is the base load when nothing runs', () => {
    expect(demoPowerVA(quiet)).toBe(250);
  });

  it('adds each running heater, each switched load that is on and each dimmer by its duty', () => {
    expect(demoPowerVA({ ...quiet, heatingRooms: 2, switched: [{ va: 60, on: true }, { va: 100, on: false }], dimmed: [{ va: 40, duty: 0.5 }, { va: 40, duty: 1.7 }] })).toBe(
      250 + 3000 + 60 + 20 + 40,
    );
  });
});

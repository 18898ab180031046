import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIL_PILOTE_ORDERS, filPiloteLevels } from '../../../../plugins/thermostat/fil-pilote.js';

/** The wiring table in docs/hardware.md: | order | positive line | negative line | pilot wire … | */
function wiringTable(): Map<string, { positive: string; negative: string }> {
  const doc = readFileSync(new URL('../../../../docs/hardware.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## Fil pilote'));
  const rows = new Map<string, { positive: string; negative: string }>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const order = cells[1]?.match(/^`([a-z0-9-]+)`$/)?.[1];
    if (order) rows.set(order, { positive: cells[2]!, negative: cells[3]! });
  }
  return rows;
}

describe('fil pilote line levels', () => {
  it('match the wiring table of docs/hardware.md for every order', () => {
    const table = wiringTable();
    expect([...table.keys()].sort()).toEqual([...FIL_PILOTE_ORDERS].sort());
    for (const order of FIL_PILOTE_ORDERS) {
      const { positive, negative } = filPiloteLevels(order, 60_000);
      expect({ order, positive: String(positive), negative: String(negative) }).toEqual({ order, positive: table.get(order)!.positive[0], negative: table.get(order)!.negative[0] });
    }
  });

  it('comfort: no signal; eco: full sine; frost: negative half-wave only; off: positive half-wave only', () => {
    expect(filPiloteLevels('comfort')).toEqual({ positive: 0, negative: 0 });
    expect(filPiloteLevels('eco')).toEqual({ positive: 1, negative: 1 });
    expect(filPiloteLevels('frost')).toEqual({ positive: 0, negative: 1 });
    expect(filPiloteLevels('off')).toEqual({ positive: 1, negative: 0 });
  });

  it('pulse a full sine 3 s (comfort −1) or 7 s (comfort −2) at the start of every 5 minutes', () => {
    for (const [order, pulseS] of [['comfort-1', 3], ['comfort-2', 7]] as const) {
      for (const cycle of [0, 1, 7]) {
        const start = cycle * 300_000;
        expect(filPiloteLevels(order, start)).toEqual({ positive: 1, negative: 1 });
        expect(filPiloteLevels(order, start + pulseS * 1000 - 1)).toEqual({ positive: 1, negative: 1 });
        expect(filPiloteLevels(order, start + pulseS * 1000)).toEqual({ positive: 0, negative: 0 });
        expect(filPiloteLevels(order, start + 299_999)).toEqual({ positive: 0, negative: 0 });
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { parseOrThrow, simulate, type HistoryRow, type HistorySource } from '../../../core/automation/index.js';
import { silentLogger } from '../../../core/log.js';

const T0 = Date.parse('2024-06-03T00:00:00Z');
const min = 60_000;

/** An in-memory stand-in for History's statesBetween over rows recorded here. */
function memoryHistory(rows: HistoryRow[]): HistorySource & { asked: [string[], number, number][] } {
  const asked: [string[], number, number][] = [];
  return {
    asked,
    statesBetween(ids, start, end) {
      asked.push([ids, start, end]);
      return rows.filter((r) => ids.includes(r.entityId) && r.ms >= start && r.ms <= end);
    },
  };
}

describe('simulate', () => {
  it('replays history on a virtual clock: crossings, for:, delays and conditions, touching nothing', async () => {
    const history = memoryHistory([
      { entityId: 'sensor.t', ms: T0 - 10 * min, state: 20 }, // the state at the start
      { entityId: 'binary_sensor.window', ms: T0 - 10 * min, state: 'off' },
      { entityId: 'sensor.t', ms: T0 + 10 * min, state: 27 }, // crosses 25 but holds only 5 min
      { entityId: 'sensor.t', ms: T0 + 15 * min, state: 22 },
      { entityId: 'sensor.t', ms: T0 + 60 * min, state: '26.5' }, // crosses and holds
      { entityId: 'sensor.t', ms: T0 + 200 * min, state: 20 },
      { entityId: 'binary_sensor.window', ms: T0 + 300 * min, state: 'on' },
      { entityId: 'sensor.t', ms: T0 + 310 * min, state: 30 }, // crosses, but the window is open
    ]);
    const definition = parseOrThrow({
      id: 'cool',
      triggers: [{ type: 'numeric_state', entity: 'sensor.t', above: 25, for: '10m' }],
      conditions: [{ type: 'state', entity: 'binary_sensor.window', state: 'off' }],
      actions: [{ command: 'turn_on', entity: 'switch.fan' }, { delay: '1h' }, { command: 'turn_off', entity: 'switch.fan' }],
    });
    const result = await simulate(definition, { history, startMs: T0, endMs: T0 + 24 * 60 * min, log: silentLogger() });
    expect(result.firings.map((f) => f.at)).toEqual([new Date(T0 + 70 * min).toISOString()]);
    expect(result.commands).toEqual([
      { at: new Date(T0 + 70 * min).toISOString(), entityId: 'switch.fan', command: 'turn_on', params: {} },
      { at: new Date(T0 + 130 * min).toISOString(), entityId: 'switch.fan', command: 'turn_off', params: {} },
    ]);
    expect(result.traces.map((t) => t.outcome)).toEqual(['completed', 'conditions_failed']);
    expect(history.asked[0]![0].sort()).toEqual(['binary_sensor.window', 'sensor.t', 'switch.fan']);
  });

  it('time triggers fire on the virtual clock', async () => {
    const definition = parseOrThrow({ id: 'morning', triggers: [{ type: 'time', at: '07:00' }], actions: [{ command: 'turn_on', entity: 'light.hall' }] });
    const result = await simulate(definition, { history: memoryHistory([]), startMs: T0, endMs: T0 + 7 * 24 * 60 * min, log: silentLogger(), location: { latitude: 0, longitude: 0, timezone: 'UTC' } });
    expect(result.commands).toHaveLength(7);
    expect(result.commands[0]!.at).toBe('2024-06-03T07:00:00.000Z');
  });

  it('replays the newer domains as their domains hold them: enum sensor options, numbers, lock states', async () => {
    const tariff = { deviceClass: 'enum', options: ['peak', 'off_peak'] };
    const history = memoryHistory([
      { entityId: 'sensor.tariff', ms: T0 - min, state: 'off_peak', attributes: tariff },
      { entityId: 'number.boiler', ms: T0 - min, state: '55' }, // as text, the way a number was once stored
      { entityId: 'lock.door', ms: T0 - min, state: 'locked' },
      { entityId: 'sensor.tariff', ms: T0 + 10 * min, state: 'peak', attributes: tariff },
      { entityId: 'number.boiler', ms: T0 + 20 * min, state: 45 },
      { entityId: 'sensor.tariff', ms: T0 + 30 * min, state: 'off_peak', attributes: tariff },
      { entityId: 'sensor.tariff', ms: T0 + 40 * min, state: 'peak', attributes: tariff },
    ]);
    const definition = parseOrThrow({
      id: 'peak',
      triggers: [{ type: 'state', entity: 'sensor.tariff', to: 'peak' }],
      conditions: [
        { type: 'numeric_state', entity: 'number.boiler', above: 50 },
        { type: 'state', entity: 'lock.door', state: 'locked' },
      ],
      actions: [{ command: 'set_value', entity: 'number.boiler', params: { value: 40 } }],
    });
    const result = await simulate(definition, { history, startMs: T0, endMs: T0 + 60 * min, log: silentLogger() });
    expect(result.traces.map((t) => t.outcome)).toEqual(['completed', 'conditions_failed']);
    expect(result.commands).toEqual([{ at: new Date(T0 + 10 * min).toISOString(), entityId: 'number.boiler', command: 'set_value', params: { value: 40 } }]);
  });

  it('refuses an empty or too long window', async () => {
    const definition = parseOrThrow({ id: 'x', triggers: [{ type: 'event', event: 'x' }], actions: [{ delay: 1 }] });
    const run = (start: number, end: number) => simulate(definition, { history: memoryHistory([]), startMs: start, endMs: end, log: silentLogger() });
    await expect(run(T0, T0)).rejects.toThrow(/end must be after start/);
    await expect(run(T0, T0 + 40 * 24 * 60 * min)).rejects.toThrow(/at most 31 days/);
  });
});

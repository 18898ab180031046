import { describe, expect, it } from 'vitest';
import { bucketWidth, mergeExtremes, thinChanges } from '../../../core/history/downsample.js';
import { shareOfTimeOn } from '../../../core/history/share.js';
import { localDayStart } from '../../../core/history/timezone.js';
import { climateValues } from '../../../core/history/climate.js';
import { kindOf } from '../../../core/history/kinds.js';
import { auditEntry, commandEntry, stateEntry } from '../../../core/history/logbook-entries.js';
import { createContext } from '../../../core/kernel/index.js';
import type { EntityState } from '../../../core/kernel/index.js';

describe('shareOfTimeOn', () => {
  it('splits on-time across windows and counts changes', () => {
    const rows = shareOfTimeOn(0, [{ ms: 150, value: 1 }, { ms: 250, value: 0 }], 0, 300, 100);
    expect(rows).toEqual([
      { start: 0, mean: 0, min: 0, max: 0, count: 0 },
      { start: 100, mean: 0.5, min: 0, max: 1, count: 1 },
      { start: 200, mean: 0.5, min: 0, max: 1, count: 1 },
    ]);
  });
  it('skips windows where the state was unknown throughout', () => {
    expect(shareOfTimeOn(null, [{ ms: 120, value: 1 }], 0, 200, 100)).toEqual([{ start: 100, mean: 0.8, min: 1, max: 1, count: 1 }]);
  });
});

describe('downsampling helpers', () => {
  it('uses two points per bucket', () => {
    expect(bucketWidth(0, 999, 10)).toBe(200);
  });
  it('keeps both extremes in time order and drops duplicates', () => {
    const points = mergeExtremes(
      [{ bucket: 0, ms: 30, value: -5 }, { bucket: 1, ms: 110, value: 2 }],
      [{ bucket: 0, ms: 10, value: 90 }, { bucket: 1, ms: 110, value: 2 }],
    );
    expect(points).toEqual([[10, 90], [30, -5], [110, 2]]);
  });
  it('thins changes to the last per bucket only when over the limit', () => {
    const changes = [0, 1, 2, 50, 51, 99].map((ms) => ({ ms }));
    expect(thinChanges(changes, 0, 99, 10)).toHaveLength(6);
    expect(thinChanges(changes, 0, 99, 2).map((c) => c.ms)).toEqual([2, 99]);
  });
});

describe('localDayStart', () => {
  it('finds local midnight, also on a DST switch day', () => {
    expect(new Date(localDayStart(Date.parse('2025-06-15T21:30:00Z'), 'Europe/Paris')).toISOString()).toBe('2025-06-14T22:00:00.000Z');
    expect(new Date(localDayStart(Date.parse('2025-03-30T12:00:00Z'), 'Europe/Paris')).toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(localDayStart(Date.parse('2025-01-02T05:00:00Z'), 'UTC')).toBe(Date.parse('2025-01-02T00:00:00Z'));
  });
});

describe('climate series', () => {
  const climate = (attributes: Record<string, unknown>, available = true): EntityState =>
    ({ id: 'climate.bedroom', domain: 'climate', name: 'Bedroom', area: null, state: 'heat', attributes, available, lastChanged: '', lastUpdated: '', context: createContext() });

  it('stores temperatures as numbers and heating as on/off', () => {
    expect(kindOf('climate.bedroom')).toBe('text');
    expect(kindOf('climate.bedroom#current')).toBe('numeric');
    expect(kindOf('climate.bedroom#target')).toBe('numeric');
    expect(kindOf('climate.bedroom#heating')).toBe('onoff');
  });

  it('reads the three values from the attributes, unknown when missing or unavailable', () => {
    expect(climateValues(climate({ currentTemperature: 19.5, targetTemperature: 21, hvacAction: 'heating' }))).toEqual({ current: 19.5, target: 21, heating: 'on' });
    expect(climateValues(climate({ currentTemperature: null, hvacAction: 'off' }))).toEqual({ current: null, target: null, heating: 'off' });
    expect(climateValues(climate({ currentTemperature: 19.5, hvacAction: 'heating' }, false))).toEqual({ current: null, target: null, heating: null });
  });
});

describe('logbook entries', () => {
  const base = { id: 'light.hall', domain: 'light', name: 'Hall', area: null, attributes: {}, available: true, lastChanged: '', lastUpdated: '' } as const;
  const state = (s: 'on' | 'off' | null, extra: Partial<EntityState> = {}): EntityState => ({ ...base, state: s, context: createContext({ userId: 'u1' }), ...extra });

  it('logs state and availability moves, not numeric sensor readings', () => {
    expect(stateEntry({ entityId: 'light.hall', oldState: state('off'), newState: state('on') }, 5)).toMatchObject({ what: 'on', context: { userId: 'u1' } });
    expect(stateEntry({ entityId: 'light.hall', oldState: state('on'), newState: state('on', { available: false }) }, 5)?.what).toBe('unavailable');
    const sensor = (v: number) => ({ ...state(null), id: 'sensor.t', domain: 'sensor' as const, state: v });
    expect(stateEntry({ entityId: 'sensor.t', oldState: sensor(1), newState: sensor(2) }, 5)).toBeUndefined();
  });
  it('keeps the outcome, address and error of commands and audits', () => {
    const context = createContext({ userId: 'u1' });
    expect(commandEntry({ entityId: 'light.hall', command: 'turn_on', params: {}, context, ok: false, error: 'relay stuck', address: '10.0.0.2' }, 1)).toMatchObject({
      outcome: 'failed', address: '10.0.0.2', details: JSON.stringify({ error: 'relay stuck' }),
    });
    expect(auditEntry({ action: 'login', outcome: 'denied', context, address: '10.0.0.3' }, 1)).toMatchObject({ kind: 'audit', what: 'login', outcome: 'denied', entityId: null });
  });
});

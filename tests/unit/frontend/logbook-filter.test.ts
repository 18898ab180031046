import { describe, expect, it } from 'vitest';
import type { EntityState, LogbookEntry } from '../../../frontend/src/api/types.js';
import { isFiltered, logbookApiQuery, logbookFilterQuery, matchesFilter, parseLogbookFilter, type LogbookFilter } from '../../../frontend/src/lib/logbook-filter.js';

const T0 = Date.parse('2026-03-01T12:00:00.000Z');
const entry = (extra: Partial<LogbookEntry>): LogbookEntry => ({
  id: 1, ms: T0, when: new Date(T0).toISOString(), kind: 'state', entityId: 'light.garden', what: 'on', outcome: null, context: { id: 'c' }, address: null, details: null, ...extra,
});
const garden = { id: 'light.garden', area: 'garden' } as EntityState;

describe('logbook filters', () => {
  it('round-trip through the URL, leaving the default range out', () => {
    const filters: LogbookFilter[] = [
      { range: { preset: '24h' } },
      { entity: 'light.garden', kind: 'command', user: 'alice', range: { preset: '7d' } },
      { area: 'garden', automation: 'night', range: { start: T0, end: T0 + 60_000 } },
    ];
    for (const f of filters) expect(parseLogbookFilter(logbookFilterQuery(f))).toEqual(f);
    expect(logbookFilterQuery({ range: { preset: '24h' } })).toBe('');
    expect(logbookFilterQuery({ area: 'garden', kind: 'state', range: { preset: '7d' } })).toBe('?area=garden&kind=state&range=7d');
    expect(parseLogbookFilter('?kind=alarm&user=%20')).toEqual({ range: { preset: '24h' } });
    expect(isFiltered({ range: { preset: '24h' } })).toBe(false);
    expect(isFiltered({ kind: 'audit', range: { preset: '24h' } })).toBe(true);
  });

  it('become the API query at a given time', () => {
    expect(logbookApiQuery({ area: 'garden', kind: 'command', range: { preset: '1h' } }, T0))
      .toEqual({ area: 'garden', kind: 'command', start: '2026-03-01T11:00:00.000Z', end: '2026-03-01T12:00:00.000Z' });
  });

  it('keep only matching live entries', () => {
    const entities = new Map([['light.garden', garden]]);
    const all: LogbookFilter = { range: { preset: '24h' } };
    expect(matchesFilter(entry({}), all, entities)).toBe(true);
    expect(matchesFilter(entry({}), { ...all, area: 'garden' }, entities)).toBe(true);
    expect(matchesFilter(entry({ entityId: 'light.hall' }), { ...all, area: 'garden' }, entities)).toBe(false);
    expect(matchesFilter(entry({}), { ...all, kind: 'command' }, entities)).toBe(false);
    expect(matchesFilter(entry({ userName: 'Alice', context: { id: 'c', userId: 'u1' } }), { ...all, user: 'alice' }, entities)).toBe(true);
    expect(matchesFilter(entry({ context: { id: 'c', userId: 'u1' } }), { ...all, user: 'u1' }, entities)).toBe(true);
    expect(matchesFilter(entry({}), { ...all, user: 'alice' }, entities)).toBe(false);
    expect(matchesFilter(entry({ context: { id: 'c', automationId: 'night' } }), { ...all, automation: 'night' }, entities)).toBe(true);
    expect(matchesFilter(entry({}), { ...all, automation: 'night' }, entities)).toBe(false);
    expect(matchesFilter(entry({ ms: T0 + 1 }), { range: { start: T0 - 1000, end: T0 } }, entities)).toBe(false);
  });
});

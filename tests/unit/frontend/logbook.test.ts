import { describe, expect, it } from 'vitest';
import type { EntityState, LogbookEntry } from '../../../frontend/src/api/types.js';
import { describeEntry, mergeEntries, type LogbookNames } from '../../../frontend/src/lib/logbook.js';
import { appendReading, type Point } from '../../../frontend/src/lib/sparkline.js';

const entity = (id: string, name: string, extra: Partial<EntityState> = {}): EntityState => ({
  id, domain: id.split('.')[0] as EntityState['domain'], name, area: null, state: null, attributes: {}, available: true,
  lastChanged: '2026-01-01T00:00:00.000Z', lastUpdated: '2026-01-01T00:00:00.000Z', context: { id: 'c' }, ...extra,
});
const ENTITIES = new Map([
  ['light.hall', entity('light.hall', 'Hall light')],
  ['binary_sensor.front_door', entity('binary_sensor.front_door', 'Front door', { attributes: { deviceClass: 'door' } })],
  ['cover.living_room', entity('cover.living_room', 'Living room shutter')],
  ['lock.front', entity('lock.front', 'Front lock')],
  ['button.bell', entity('button.bell', 'Bell test')],
  ['weather.home', entity('weather.home', 'Weather')],
  ['select.programme', entity('select.programme', 'Programme')],
  ['climate.hall', entity('climate.hall', 'Thermostat')],
  ['alarm_control_panel.house', entity('alarm_control_panel.house', 'House alarm')],
]);
const names: LogbookNames = { entity: (id) => ENTITIES.get(id), automation: (id) => (id === 'night' ? 'Night' : undefined) };

/** A row as GET /api/logbook serves it. */
const row = (over: Partial<LogbookEntry>): LogbookEntry => ({
  id: 1, ms: 0, kind: 'state', entityId: 'light.hall', what: 'on', outcome: null, context: { id: 'x' }, address: null, details: null,
  when: '2026-01-01T00:00:00.000Z', ...over,
});

describe('logbook sentences', () => {
  it('names the user who commanded a device', () => {
    const line = describeEntry(row({ kind: 'command', what: 'turn_on', outcome: 'ok', context: { id: 'x', userId: 'u1' }, userName: 'alice' }), names);
    expect(line).toEqual({ who: 'alice', text: 'alice turned on Hall light', failed: false });
  });

  it('names the automation before the user whose context it inherited', () => {
    const line = describeEntry(row({ kind: 'command', entityId: 'cover.living_room', what: 'set_position', outcome: 'ok', details: { params: { position: 40 } }, context: { id: 'x', userId: 'u1', automationId: 'night' }, userName: 'alice' }), names);
    expect(line.text).toBe("Automation 'Night' set Living room shutter to 40%");
  });

  it('says a command failed and why', () => {
    const line = describeEntry(row({ kind: 'command', what: 'turn_on', outcome: 'failed', details: { error: 'I/O error' }, userName: 'bob', context: { id: 'x', userId: 'u2' } }), names);
    expect(line).toMatchObject({ failed: true, text: 'bob could not turn on Hall light: I/O error' });
  });

  it('tells state changes in the words of the device, with the remote hub that caused them', () => {
    expect(describeEntry(row({ entityId: 'binary_sensor.front_door', what: 'on' }), names).text).toBe('Front door: Open');
    expect(describeEntry(row({ entityId: 'cover.living_room', what: 'closing', context: { id: 'x', node: 'pi-garden' } }), names).text).toBe('Living room shutter started closing · Hub pi-garden');
    expect(describeEntry(row({ what: 'unavailable', context: null }), names).text).toBe('Hall light became unavailable');
  });

  it('speaks the words of the newer domains', () => {
    const by = { context: { id: 'x', userId: 'u1' }, userName: 'alice' };
    expect(describeEntry(row({ entityId: 'lock.front', what: 'unlocked' }), names).text).toBe('Front lock unlocked');
    expect(describeEntry(row({ entityId: 'button.bell', what: '2026-01-01T10:00:00.000Z' }), names).text).toBe('Bell test was pressed');
    expect(describeEntry(row({ entityId: 'weather.home', what: 'partlycloudy' }), names).text).toBe('Weather changed to Partly cloudy');
    expect(describeEntry(row({ entityId: 'select.programme', what: 'eco_plus' }), names).text).toBe('Programme changed to eco_plus');
    expect(describeEntry(row({ kind: 'command', entityId: 'climate.hall', what: 'set_temperature', outcome: 'ok', details: { params: { temperature: 21.5 } }, ...by }), names).text)
      .toBe('alice set Thermostat to 21.5°');
    expect(describeEntry(row({ kind: 'command', entityId: 'alarm_control_panel.house', what: 'arm_away', outcome: 'ok', details: { params: {} }, ...by }), names).text)
      .toBe('alice armed House alarm (away)');
    expect(describeEntry(row({ kind: 'command', entityId: 'alarm_control_panel.house', what: 'disarm', outcome: 'failed', details: { error: 'wrong code' }, ...by }), names).text)
      .toBe('alice could not disarm House alarm: wrong code');
  });

  it('turns audit rows into sentences, failed sign-ins included', () => {
    expect(describeEntry(row({ kind: 'audit', entityId: 'mallory', what: 'auth.login', outcome: 'failed', address: '10.0.0.9', context: { id: 'x' } }), names))
      .toEqual({ text: 'Sign-in failed for mallory from 10.0.0.9', failed: true });
    expect(describeEntry(row({ kind: 'audit', entityId: 'carol', what: 'user.create', outcome: 'ok', details: { role: 'member' }, userName: 'alice', context: { id: 'x', userId: 'u1' } }), names).text)
      .toBe('alice added user carol (member)');
  });

  it('says who invited, joined, changed a password or signed a session out', () => {
    const alice = { userName: 'alice', context: { id: 'x', userId: 'u1' } };
    expect(describeEntry(row({ kind: 'audit', entityId: null, what: 'invitation.create', outcome: 'ok', details: { role: 'member' }, ...alice }), names).text).toBe('alice created an invitation (member)');
    expect(describeEntry(row({ kind: 'audit', entityId: 'zoe', what: 'invitation.accept', outcome: 'ok', userName: 'Zoé', context: { id: 'x', userId: 'u9' } }), names).text).toBe('Zoé joined with an invitation');
    expect(describeEntry(row({ kind: 'audit', entityId: 'eve', what: 'invitation.accept', outcome: 'denied', address: '10.0.0.9', context: { id: 'x' } }), names))
      .toEqual({ text: 'Invitation refused (too many wrong codes) for eve from 10.0.0.9', failed: true });
    expect(describeEntry(row({ kind: 'audit', entityId: 'alice', what: 'auth.password', outcome: 'ok', ...alice }), names).text).toBe('alice changed their password');
    expect(describeEntry(row({ kind: 'audit', entityId: 'mia', what: 'session.revoke', outcome: 'ok', ...alice }), names).text).toBe('alice signed out a session of mia');
  });

  it('merges a page with live rows once each, newest first', () => {
    const merged = mergeEntries([row({ id: 5 }), row({ id: 4 })], [row({ id: 4 }), row({ id: 3 })]);
    expect(merged.map((e) => e.id)).toEqual([5, 4, 3]);
  });
});

describe('live sparklines', () => {
  it('append sensor readings and forget what is older than a day', () => {
    const now = Date.parse('2026-01-02T12:00:00.000Z');
    const before = new Map<string, Point[]>([['sensor.t', [[now - 25 * 3600_000, 18], [now - 3600_000, 19]]]]);
    const reading = entity('sensor.t', 'T', { state: 21, lastUpdated: new Date(now).toISOString() });
    const next = appendReading(before, [reading, entity('light.hall', 'Hall light', { state: 'on' })], now);
    expect(next.get('sensor.t')).toEqual([[now - 3600_000, 19], [now, 21]]);
    expect(next.has('light.hall')).toBe(false);
  });
});

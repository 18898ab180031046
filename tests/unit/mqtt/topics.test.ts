import { describe, expect, it } from 'vitest';
import { isValidFilter, topicLayout, topicMatches } from '../../../core/mqtt/topics.js';
import { backoffMs } from '../../../core/mqtt/options.js';
import { parseSetPayload } from '../../../core/mqtt/commands.js';

describe('topic layout', () => {
  const t = topicLayout('hearth');
  it('builds and parses the topics of DESIGN §10', () => {
    expect(t.state('pi-hall', 'light.hall')).toBe('hearth/pi-hall/light.hall/state');
    expect(t.parse('hearth/pi-hall/light.hall/set')).toEqual({ kind: 'set', node: 'pi-hall', entityId: 'light.hall' });
    expect(t.parse('hearth/pi-hall/status')).toEqual({ kind: 'status', node: 'pi-hall' });
    expect(t.parse('hearth/pi-hall/light.hall/other')).toBeUndefined();
    expect(t.parse('other/pi-hall/status')).toBeUndefined();
  });
  it('handles a prefix with several levels', () => {
    const deep = topicLayout('home/hearth');
    expect(deep.parse(deep.state('a', 'switch.x'))).toEqual({ kind: 'state', node: 'a', entityId: 'switch.x' });
  });
});

describe('topic filters', () => {
  it.each([
    ['a/+/c', 'a/b/c', true],
    ['a/+/c', 'a/b/d', false],
    ['a/#', 'a', true],
    ['a/#', 'a/b/c', true],
    ['#', '$SYS/x', false],
    ['+/x', '$SYS/x', false],
    ['a/b', 'a/b/c', false],
    ['a/b/c', 'a/b', false],
  ])('%s matches %s: %s', (filter, topic, expected) => expect(topicMatches(filter, topic)).toBe(expected));

  it('rejects malformed filters', () => {
    expect(isValidFilter('a/#/b')).toBe(false);
    expect(isValidFilter('a/b+')).toBe(false);
    expect(isValidFilter('')).toBe(false);
    expect(isValidFilter('a/+/#')).toBe(true);
  });
});

describe('set payloads', () => {
  it('accepts Hearth commands and the plain words Home Assistant sends', () => {
    expect(parseSetPayload('{"command":"turn_on","params":{"brightness":40},"node":"pi"}')).toEqual({
      ok: true,
      value: { command: 'turn_on', params: { brightness: 40 }, node: 'pi' },
    });
    expect(parseSetPayload('OFF')).toEqual({ ok: true, value: { command: 'turn_off', params: {} } });
    expect(parseSetPayload(' stop ')).toEqual({ ok: true, value: { command: 'stop', params: {} } });
  });
  it('explains what it expected', () => {
    const bad = parseSetPayload('bogus');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/expected \{"command"/);
    expect(parseSetPayload('{"params":{}}').ok).toBe(false);
  });
});

describe('reconnect back-off', () => {
  it('doubles from the minimum up to the maximum', () => {
    const limits = { minMs: 100, maxMs: 1000 };
    expect([0, 1, 2, 3, 4, 50].map((n) => backoffMs(n, limits))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});

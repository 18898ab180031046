import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../frontend/src/api/http.js';
import { entryIssues, entryKeys, moveItem, parseEntry, refusalOf } from '../../../frontend/src/lib/config-edit.js';

/** A client whose every call answers `status` with `body`, recording what was sent. */
function clientAnswering(status: number, body: unknown) {
  const sent: { url: string; method: string; body?: unknown }[] = [];
  const api = createHttpClient('', async (url, init) => {
    sent.push({ url: String(url), method: init?.method ?? 'GET', ...(init?.body && { body: JSON.parse(String(init.body)) }) });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return { api, sent };
}

describe('config edits from the settings pages', () => {
  it('a 400 invalid_config carries its issues, and those of one entry are named inside the entry', async () => {
    const issues = [
      { path: 'plugins[2].entities[0].line', message: 'expected number, received string', line: 14 },
      { path: 'plugins[2]', message: 'unknown plugin' },
      { path: 'plugins[20].id', message: 'not this one' },
      { path: 'areas[0]', message: 'nor this' },
    ];
    const { api } = clientAnswering(400, { error: { code: 'invalid_config', message: 'the edit would make the config invalid', issues } });
    const refusal = refusalOf(await api.addPlugin({ use: 'gpio' }, 'r1').catch((e: unknown) => e));
    expect(refusal.kind).toBe('invalid');
    if (refusal.kind !== 'invalid') return;
    expect(entryIssues(refusal.issues, 2)).toEqual([
      { path: 'entities[0].line', message: 'expected number, received string', line: 14 },
      { path: '(entry)', message: 'unknown plugin' },
    ]);
  });

  it('409 asks for a reload, 423 is read-only, anything else is its message', async () => {
    const stale = clientAnswering(409, { error: { code: 'conflict', message: 'changed on disk' } });
    expect(refusalOf(await stale.api.removePlugin('relay', 'old').catch((e: unknown) => e))).toEqual({ kind: 'stale' });
    const ro = clientAnswering(423, { error: { code: 'config_read_only', message: 'read-only' } });
    expect(refusalOf(await ro.api.setAreas({ areas: ['a'] }, 'r').catch((e: unknown) => e))).toEqual({ kind: 'read-only' });
    expect(refusalOf(new Error('boom'))).toEqual({ kind: 'other', message: 'boom' });
  });

  it('every edit sends the revision it read', async () => {
    const { api, sent } = clientAnswering(200, { revision: 'r2', changed: true });
    await api.patchPlugin('relay', { enabled: false }, 'r1');
    await api.removePlugin('relay', 'r1');
    await api.setAreas({ areas: ['kitchen'], renamed: { cuisine: 'kitchen' } }, 'r1');
    expect(sent).toEqual([
      { url: '/api/config/plugins/relay', method: 'PATCH', body: { changes: { enabled: false }, revision: 'r1' } },
      { url: '/api/config/plugins/relay?revision=r1', method: 'DELETE' },
      { url: '/api/config/areas', method: 'PUT', body: { areas: ['kitchen'], renamed: { cuisine: 'kitchen' }, revision: 'r1' } },
    ]);
  });

  it('an entry typed as JSON keeps use and id from the form, and refuses what is not an object', () => {
    expect(parseEntry('gpio', ' relays ', '{"use":"other","id":"x","entities":[]}')).toEqual({ use: 'gpio', id: 'relays', entities: [] });
    expect(parseEntry('gpio', '', '')).toEqual({ use: 'gpio' });
    expect(() => parseEntry('gpio', '', '[1]')).toThrow(SyntaxError);
    expect(() => parseEntry('gpio', '', '{nope')).toThrow(SyntaxError);
    expect(JSON.parse(entryKeys({ use: 'gpio', id: 'r', chip: 0 }))).toEqual({ chip: 0 });
  });

  it('moves an area one step, and not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI, startHubProcess, type RunningHub } from '../../helpers/hub-process.js';

/**
 * hearth.yaml edited through /api/config on a real hub process (`hearth start`), and
 * reloaded without a restart: by the API, and by SIGHUP after an edit by hand.
 */
const UP = 5;
const DOWN = 6;
const CONFIG = `# Test house, edited by hand and from the dashboard.
name: Reload house
hardware: { backend: sim }   # simulated board

areas: [hall, living_room]

plugins:
  # The hall light.
  - use: gpio
    entities:
      - { id: light.hall, line: 27, area: hall }     # by the door

  - use: shutter   # living room
    entities:
      - { id: cover.living_room, upLine: ${UP}, downLine: ${DOWN}, travelUpS: 60, travelDownS: 60, area: living_room }
`;

let dir: string;
let file: string;
let lineLog: string;
let hub: RunningHub;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-reload-'));
  file = join(dir, 'hearth.yaml');
  lineLog = join(dir, 'lines.log');
  writeFileSync(file, CONFIG);
  hub = await startHubProcess({ config: file, dataDir: join(dir, 'data'), env: { HEARTH_SIM_LINE_LOG: lineLog } });
  const res = await fetch(`${hub.url}/api/onboarding`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'olivia', password: 'a long enough password' }) });
  token = ((await res.json()) as { token: string }).token;
}, 60_000);
afterAll(async () => {
  await hub?.stop();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, any> }> {
  const res = await fetch(`${hub.url}/api/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: res.status === 204 ? {} : ((await res.json()) as Record<string, any>) };
}

const revision = async (): Promise<string> => (await call('GET', 'config')).json.revision as string;
const entity = async (id: string) => call('GET', `entities/${id}`);

/** Every level written to a line, in order, from the sim board's log. */
function writesOf(line: number): { ms: number; value: number }[] {
  return readFileSync(lineLog, 'utf8')
    .trim()
    .split('\n')
    .map((row) => row.split(' ').map(Number) as [number, number, number])
    .filter(([, l]) => l === line)
    .map(([ms, , value]) => ({ ms, value }));
}

describe('editing hearth.yaml from the API, live', () => {
  it('GET /api/config: what the file says, its revision as ETag, writable', async () => {
    const res = await fetch(`${hub.url}/api/config`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as Record<string, any>;
    expect(res.headers.get('etag')).toBe(`"${body.revision}"`);
    expect(body).toMatchObject({ file, writable: true, config: { name: 'Reload house', areas: ['hall', 'living_room'] } });
    const openapi = (await (await fetch(`${hub.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/config', '/api/config/plugins', '/api/config/areas', '/api/config/reload']));
  });

  it('a relay added through the API appears without a restart; the file keeps its comments', async () => {
    const pid = hub.child.pid;
    const added = await call('POST', 'config/plugins', { entry: { use: 'gpio', id: 'relays', entities: [{ id: 'switch.pump', line: 22, area: 'hall' }] } }, { 'if-match': `"${await revision()}"` });
    expect(added.status).toBe(201);
    expect(added.json.reload).toMatchObject({ started: ['relays'], stopped: [], restarted: [] });
    const pump = await entity('switch.pump');
    expect(pump.json).toMatchObject({ state: 'off', area: 'hall', available: true });
    expect((await call('POST', 'entities/switch.pump/commands/turn_on', {})).json.entity.state).toBe('on');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(CONFIG)).toBe(true);
    expect(text.slice(CONFIG.length)).toBe('  - use: gpio\n    id: relays\n    entities:\n      - id: switch.pump\n        line: 22\n        area: hall\n');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(CONFIG);
    expect(hub.child.pid).toBe(pid);
    const plugins = await call('GET', 'config/plugins');
    expect(plugins.json.plugins.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([['gpio', 'running'], ['shutter', 'running'], ['relays', 'running']]);
  });

  it('an edit made on an older revision is refused with 409 and changes nothing', async () => {
    const stale = await revision();
    expect((await call('PUT', 'config/areas', { areas: ['hall', 'living_room', 'garage'], revision: stale })).status).toBe(200);
    const before = readFileSync(file, 'utf8');
    const refused = await call('PUT', 'config/areas', { areas: ['hall', 'living_room', 'attic'], revision: stale });
    expect(refused.status).toBe(409);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a bad edit: 400 with the issue and its path; file and running hub untouched', async () => {
    const before = readFileSync(file, 'utf8');
    const bad = await call('PUT', 'config/plugins/relays', { entry: { use: 'gpio', id: 'relays', entities: [{ id: 'switch.pump', line: 'twenty-two' }] }, revision: await revision() });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_config');
    expect(bad.json.error.issues).toEqual([expect.objectContaining({ path: 'plugins[2].entities[0].line' })]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await entity('switch.pump')).json).toMatchObject({ state: 'on', available: true });
  });

  it('one plugin restarts while a shutter on another keeps moving: its lines never glitch', async () => {
    expect((await call('POST', 'entities/light.hall/commands/turn_on', {})).json.entity.state).toBe('on');
    const opening = await call('POST', 'entities/cover.living_room/commands/open', {});
    expect(opening.json.entity.state).toBe('opening');
    const edited = await call('PATCH', 'config/plugins/gpio', { changes: { entities: [{ id: 'light.hall', line: 27, area: 'hall', name: 'Porch light' }] }, revision: await revision() });
    expect(edited.status).toBe(200);
    expect(edited.json.reload).toMatchObject({ restarted: ['gpio'], started: [], stopped: [] });
    expect((await entity('light.hall')).json.name).toBe('Porch light');
    expect((await entity('cover.living_room')).json.state).toBe('opening');
    // The log has every physical change: the up relay went on once and stayed on, the down relay never moved.
    expect(writesOf(UP).map((w) => w.value)).toEqual([1]);
    expect(writesOf(DOWN)).toEqual([]);
    // The restarted plugin's light was released to its inactive level, and comes back off.
    expect(writesOf(27).map((w) => w.value)).toEqual([1, 0]);
    expect((await entity('light.hall')).json.state).toBe('off');
    expect(readFileSync(file, 'utf8')).toContain("      - { id: light.hall, line: 27, area: hall, name: Porch light }     # by the door\n");
  });

  it('SIGHUP reloads an edit made by hand; a bad one changes nothing and says why', async () => {
    writeFileSync(file, readFileSync(file, 'utf8').replace('line: 22', 'line: 23').replace('name: Reload house', 'name: Reloaded house'));
    hub.child.kill('SIGHUP');
    await vi.waitFor(async () => expect((await call('GET', 'config/plugins')).json.plugins[2]).toMatchObject({ status: 'running', entry: { entities: [{ line: 23 }] } }), { timeout: 10_000 });
    await vi.waitFor(async () => expect((await entity('switch.pump')).json).toMatchObject({ state: 'off', available: true }), { timeout: 10_000 });

    writeFileSync(file, readFileSync(file, 'utf8').replace('line: 23', 'line: -1'));
    hub.child.kill('SIGHUP');
    const refused = await hub.waitForLog(/^reload refused/);
    expect(String(refused.msg)).toMatch(/plugins\[2\]\.entities\[0\]\.line/);
    expect((await entity('switch.pump')).json).toMatchObject({ available: true });
    expect(hub.child.exitCode).toBeNull();
  });

  it('hearth reload checks the file, then has the running hub apply it', async () => {
    const cli = () => spawnSync(process.execPath, [CLI, 'reload', '--config', file, '--data', hub.dataDir], { encoding: 'utf8' });
    const refused = cli();
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/plugins\[2\]\.entities\[0\]\.line/);
    writeFileSync(file, readFileSync(file, 'utf8').replace('line: -1', 'line: 24'));
    const ok = cli();
    expect(ok.stdout).toContain(`hub ${hub.child.pid} is reloading it`);
    expect(ok.status).toBe(0);
    await vi.waitFor(async () => expect((await call('GET', 'config/plugins')).json.plugins[2]).toMatchObject({ status: 'running', entry: { entities: [{ line: 24 }] } }), { timeout: 10_000 });
  });

  it('every change and reload is in the logbook with who did it', async () => {
    type Entry = { what: string; outcome: string; entityId: string | null; context: { userId?: string } | null };
    let entries: Entry[] = [];
    // The logbook is written in batches (storage.commitIntervalS).
    await vi.waitFor(async () => {
      entries = (await call('GET', 'logbook?kind=audit&limit=100')).json.entries as Entry[];
      expect(entries.some((e) => e.what === 'config.reload' && e.outcome === 'failed')).toBe(true);
      // added, areas, plugin edit, SIGHUP, hearth reload
      expect(entries.filter((e) => e.what === 'config.reload' && e.outcome === 'ok').length).toBe(5);
    }, { timeout: 10_000 });
    const add = entries.find((e) => e.what === 'config.plugin.add');
    expect(add).toMatchObject({ outcome: 'ok', entityId: 'relays' });
    expect(add?.context?.userId).toBeTruthy();
    expect(entries.some((e) => e.what === 'config.areas' && e.outcome === 'failed')).toBe(true);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFloorplanRoutes, createFloorplans, IMAGE_CSP, MAX_IMAGE_BYTES } from '../../../core/floorplans/index.js';
import { silentLogger } from '../../../core/log.js';
import { bearer, createHarness, errorOf, JSON_HEADERS, type Harness } from '../api/harness.js';

let h: Harness;
let clock = Date.parse('2026-12-06T10:00:00Z');

beforeEach(async () => {
  h = await createHarness({
    modules: ({ kernel, database, auth }) => [
      createFloorplanRoutes(createFloorplans({ database, kernel, log: silentLogger(), areas: () => ['hall', 'kitchen'], pinMinutes: 30, now: () => clock }), (id) => auth.users.find(id)?.username),
    ],
  });
});
afterEach(() => h.close());

const call = (method: string, path: string, body?: unknown, role: keyof Harness['tokens'] = 'admin') =>
  h.app.request(path, { method, headers: bearer(h.tokens[role], JSON_HEADERS), ...(body !== undefined && { body: JSON.stringify(body) }) });
const upload = (id: string, bytes: Uint8Array | string, type?: string) =>
  h.app.request(`/api/floorplans/${id}/image`, { method: 'PUT', headers: bearer(h.tokens.admin, type ? { 'content-type': type } : {}), body: bytes });

const ground = {
  name: 'Ground floor',
  level: 0,
  grid: { columns: 20, rows: 10 },
  rooms: [
    { area: 'hall', polygon: [[0, 0], [8, 0], [8, 10], [0, 10]] },
    { area: 'kitchen', label: 'Kitchen & dining', polygon: [[8, 0], [20, 0], [20, 6], [14, 6], [14, 10], [8, 10]] },
  ],
  items: [{ entityId: 'light.hall', x: 0.2, y: 0.5 }],
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe('/api/floorplans', () => {
  it('CRUD: created with an id from its name, listed to members, replaced by admins, deleted', async () => {
    const created = await call('POST', '/api/floorplans', ground);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'ground_floor', level: 0, background: { kind: 'drawn' }, rooms: ground.rooms, items: ground.items });

    const list = await call('GET', '/api/floorplans', undefined, 'member');
    expect(((await list.json()) as { floorplans: { id: string }[] }).floorplans.map((p) => p.id)).toEqual(['ground_floor']);
    expect((await call('PUT', '/api/floorplans/ground_floor', ground, 'member')).status).toBe(403);

    const moved = await call('PUT', '/api/floorplans/ground_floor', { ...ground, items: [{ entityId: 'light.hall', x: 0.9, y: 0.1 }, { entityId: 'sensor.hall_temperature', x: 0, y: 1 }] });
    expect(moved.status).toBe(200);
    expect((await (await call('GET', '/api/floorplans/ground_floor', undefined, 'member')).json()) as object).toMatchObject({ items: [{ entityId: 'light.hall', x: 0.9, y: 0.1 }, { entityId: 'sensor.hall_temperature', x: 0, y: 1 }] });

    expect((await call('DELETE', '/api/floorplans/ground_floor')).status).toBe(204);
    expect((await call('GET', '/api/floorplans/ground_floor')).status).toBe(404);
  });

  it('one plan per level: a second plan on level 0 is a 409', async () => {
    await call('POST', '/api/floorplans', ground);
    const clash = await call('POST', '/api/floorplans', { ...ground, name: 'Other' });
    expect(clash.status).toBe(409);
    expect((await errorOf(clash)).message).toMatch(/level 0 already has the plan ground_floor/);
    expect((await call('POST', '/api/floorplans', { ...ground, name: 'First floor', level: 1, rooms: [], items: [] })).status).toBe(201);
  });

  it.each([
    ['a self-intersecting room', { rooms: [{ area: 'hall', polygon: [[0, 0], [4, 4], [4, 0], [0, 4]] }] }, 'rooms[0].polygon: the outline crosses itself'],
    ['a corner off the grid', { rooms: [{ area: 'hall', polygon: [[0, 0], [25, 0], [0, 4]] }] }, 'rooms[0].polygon[1]: outside the 20×10 grid'],
    ['a corner between cells', { rooms: [{ area: 'hall', polygon: [[0, 0], [4.5, 0], [0, 4]] }] }, 'rooms[0].polygon[1][0]: snap to the grid'],
    ['a flat room', { rooms: [{ area: 'hall', polygon: [[0, 0], [2, 0], [4, 0]] }] }, 'rooms[0].polygon: the outline crosses itself'],
    ['an unknown area', { rooms: [{ area: 'attic', polygon: [[0, 0], [2, 0], [0, 2]] }] }, "rooms[0].area: unknown area 'attic'"],
    ['a position out of range', { items: [{ entityId: 'light.hall', x: 1.2, y: 0.5 }] }, 'items[0].x:'],
    ['an unknown entity', { items: [{ entityId: 'light.attic', x: 0.5, y: 0.5 }] }, 'items[0].entityId: unknown entity light.attic'],
    ['an entity placed twice', { items: [{ entityId: 'light.hall', x: 0.5, y: 0.5 }, { entityId: 'light.hall', x: 0.1, y: 0.1 }] }, 'items[1].entityId: light.hall is placed twice'],
    ['an unknown key', { walls: [] }, 'walls'],
  ])('answers 400 naming the path for %s', async (_what, change, message) => {
    const res = await call('POST', '/api/floorplans', { ...ground, ...change });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(message);
    expect((await call('GET', '/api/floorplans')).status).toBe(200);
  });
});

describe('/api/floorplans/:id/image', () => {
  beforeEach(async () => void (await call('POST', '/api/floorplans', { ...ground, background: { kind: 'image' } })));

  it('takes a PNG by its bytes and serves it back under a CSP that loads nothing', async () => {
    const res = await upload('ground_floor', PNG, 'image/png');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ background: { kind: 'image', image: { contentType: 'image/png', url: '/api/floorplans/ground_floor/image' } } });
    const back = await h.app.request('/api/floorplans/ground_floor/image', { headers: bearer(h.tokens.member) });
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('image/png');
    expect(back.headers.get('content-security-policy')).toBe(IMAGE_CSP);
    expect(back.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(PNG);

    expect((await call('DELETE', '/api/floorplans/ground_floor/image', undefined, 'member')).status).toBe(403);
    const removed = await call('DELETE', '/api/floorplans/ground_floor/image');
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as { background: object }).background).not.toHaveProperty('image');
    expect((await h.app.request('/api/floorplans/ground_floor/image', { headers: bearer(h.tokens.member) })).status).toBe(404);
    expect(((await (await call('GET', '/api/floorplans/ground_floor')).json()) as { rooms: unknown[] }).rooms).toEqual(ground.rooms);
  });

  it('stores an SVG sanitised and serves it as SVG', async () => {
    const res = await upload('ground_floor', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="4" height="4"/></svg>', 'image/svg+xml');
    expect(res.status).toBe(200);
    const back = await h.app.request('/api/floorplans/ground_floor/image', { headers: bearer(h.tokens.member) });
    expect(back.headers.get('content-type')).toBe('image/svg+xml');
    const text = await back.text();
    expect(text).toContain('<rect width="4" height="4"/>');
    expect(text).not.toMatch(/alert|script|onload/);
  });

  it('415 for bytes that are no picture, or not the type declared; 400 for an SVG it cannot read', async () => {
    const html = await upload('ground_floor', '<html><script>alert(1)</script></html>', 'image/svg+xml');
    expect(html.status).toBe(415);
    const lying = await upload('ground_floor', PNG, 'image/jpeg');
    expect(lying.status).toBe(415);
    expect((await errorOf(lying)).message).toMatch(/image\/png but Content-Type says image\/jpeg/);
    const gif = await upload('ground_floor', new TextEncoder().encode('GIF89a....'), 'image/gif');
    expect(gif.status).toBe(415);
    const doctype = await upload('ground_floor', '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaa">]>\n<svg>&a;</svg>', 'image/svg+xml');
    expect(doctype.status).toBe(400);
    expect((await errorOf(doctype)).message).toMatch(/DOCTYPE/);
    expect((await h.app.request('/api/floorplans/ground_floor/image', { headers: bearer(h.tokens.member) })).status).toBe(404);
  });

  it('413 above 2 MB; exactly 2 MB is accepted; only admins upload', async () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(PNG);
    const res = await upload('ground_floor', big, 'image/png');
    expect(res.status).toBe(413);
    expect((await upload('ground_floor', big.subarray(0, MAX_IMAGE_BYTES), 'image/png')).status).toBe(200);
    const member = await h.app.request('/api/floorplans/ground_floor/image', { method: 'PUT', headers: bearer(h.tokens.member, { 'content-type': 'image/png' }), body: PNG });
    expect(member.status).toBe(403);
  });
});

describe('/api/people', () => {
  it('a pin is seen by others with the user name, and is gone after its time', async () => {
    const pinned = await call('PUT', '/api/people/me/location', { area: 'kitchen' }, 'member');
    expect(pinned.status).toBe(200);
    expect(await pinned.json()).toMatchObject({ location: { userId: h.userIds.member, username: 'mia', area: 'kitchen', until: '2026-12-06T10:30:00.000Z' } });
    const seen = await call('GET', '/api/people/locations', undefined, 'owner');
    expect(((await seen.json()) as { people: unknown[] }).people).toEqual([{ userId: h.userIds.member, username: 'mia', area: 'kitchen', until: '2026-12-06T10:30:00.000Z' }]);
    clock += 30 * 60_000;
    expect(((await (await call('GET', '/api/people/locations')).json()) as { people: unknown[] }).people).toEqual([]);
  });

  it('null takes the pin away; an unknown area is a 400', async () => {
    await call('PUT', '/api/people/me/location', { area: 'hall', minutes: 5 });
    expect(await (await call('PUT', '/api/people/me/location', { area: null })).json()).toEqual({ location: null });
    expect(((await (await call('GET', '/api/people/locations')).json()) as { people: unknown[] }).people).toEqual([]);
    expect((await call('PUT', '/api/people/me/location', { area: 'attic' })).status).toBe(400);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuth } from '../../../core/auth/index.js';
import { openDatabase } from '../../../core/db/index.js';
import { createKernel } from '../../../core/kernel/index.js';
import { createApp } from '../../../core/api/app.js';
import { silentLogger } from '../../../core/log.js';
import { JSON_HEADERS, PASSWORD, bearer, createHarness, errorOf, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  h.app.request('/api/auth/login', { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify({ username, password }) });

describe('onboarding', () => {
  it('creates the first owner once, then answers 409', async () => {
    const database = openDatabase(':memory:');
    const kernel = createKernel(silentLogger());
    const auth = createAuth(database, { passwordCost: { logN: 10, r: 8, p: 1 } });
    const plugins = { start: async () => {}, stop: async () => {}, warn: () => {}, list: () => [] };
    const app = createApp({ kernel, plugins, auth, log: silentLogger(), version: 't', startedAt: Date.now() });
    const post = () => app.request('/api/onboarding', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ username: 'Olivia', password: PASSWORD }) });

    expect(await (await app.request('/api/onboarding')).json()).toEqual({ required: true });
    const first = await post();
    expect(first.status).toBe(201);
    const body = (await first.json()) as { token: string; user: { username: string; role: string } };
    expect(body.user).toMatchObject({ username: 'olivia', role: 'owner' });
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/);
    expect((await app.request('/api/auth/me', { headers: bearer(body.token) })).status).toBe(200);
    const second = await post();
    expect(second.status).toBe(409);
    expect((await errorOf(second)).message).toMatch(/sign in/);
    expect(await (await app.request('/api/onboarding')).json()).toEqual({ required: false });
    database.close();
  });
});

describe('login and sessions', () => {
  it('signs in with an HttpOnly SameSite=Strict cookie that authenticates, and logout revokes it', async () => {
    const res = await login('OLIVIA', PASSWORD);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: unknown };
    expect(body.user).toEqual({ id: h.userIds.owner, username: 'olivia', role: 'owner' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^hearth_session=hs_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const pair = cookie.split(';')[0]!;

    const me = await h.app.request('/api/auth/me', { headers: { cookie: pair } });
    expect(await me.json()).toMatchObject({ username: 'olivia', role: 'owner' });
    const signedIn = await h.app.request('/api/auth/session', { headers: { cookie: pair } });
    expect(await signedIn.json()).toEqual({ user: { id: h.userIds.owner, username: 'olivia', role: 'owner' } });

    const out = await h.app.request('/api/auth/logout', { method: 'POST', headers: { cookie: pair, origin: 'http://localhost', host: 'localhost' } });
    expect(out.status).toBe(204);
    const after = await h.app.request('/api/auth/me', { headers: { cookie: pair } });
    expect(after.status).toBe(401);
    expect((await errorOf(after)).message).toMatch(/invalid or expired/);
    const probe = await h.app.request('/api/auth/session', { headers: { cookie: pair } });
    expect(probe.status).toBe(200);
    expect(await probe.json()).toEqual({ user: null });
    expect(h.audits.map((a) => `${a.action}:${a.outcome}`)).toEqual(['auth.login:ok', 'auth.logout:ok']);
  });

  it('marks the cookie Secure behind https', async () => {
    const res = await login('olivia', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('gives the same 401 for an unknown user and a wrong password, and audits both with the address', async () => {
    const unknown = await login('nobody', PASSWORD);
    const wrong = await login('olivia', 'wrong password!');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await errorOf(unknown)).toEqual(await errorOf(wrong));
    expect(h.audits).toHaveLength(2);
    expect(h.audits.every((a) => a.action === 'auth.login' && a.outcome === 'denied' && a.address === 'local')).toBe(true);
  });

  it('rate limits a username after 5 failures with 429 and Retry-After, even for the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('mia', `wrong-${i}-password`)).status).toBe(401);
    const blocked = await login('mia', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await errorOf(blocked)).code).toBe('rate_limited');
    expect((await login('adam', PASSWORD)).status).toBe(200);
  });

  it('rejects an expired session', async () => {
    const { token } = h.auth.tokens.issue(h.userIds.member, 'session', -1);
    expect((await h.app.request('/api/auth/me', { headers: bearer(token) })).status).toBe(401);
  });
});

describe('API tokens', () => {
  it('are shown once, listed without the secret, usable as Bearer, and revocable by their owner only', async () => {
    const created = await h.app.request('/api/auth/tokens', { method: 'POST', headers: bearer(h.tokens.member, JSON_HEADERS), body: JSON.stringify({ name: 'grafana' }) });
    expect(created.status).toBe(201);
    const { token, id } = (await created.json()) as { token: string; id: string };
    expect(token).toMatch(/^ht_/);
    const list = (await (await h.app.request('/api/auth/tokens', { headers: bearer(token) })).json()) as Array<Record<string, unknown>>;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id, name: 'grafana' });
    expect(JSON.stringify(list)).not.toContain(token);

    const foreign = await h.app.request(`/api/auth/tokens/${id}`, { method: 'DELETE', headers: bearer(h.tokens.owner) });
    expect(foreign.status).toBe(404);
    const revoked = await h.app.request(`/api/auth/tokens/${id}`, { method: 'DELETE', headers: bearer(h.tokens.member) });
    expect(revoked.status).toBe(204);
    expect((await h.app.request('/api/auth/me', { headers: bearer(token) })).status).toBe(401);
    expect(h.audits.map((a) => `${a.action}:${a.outcome}`)).toEqual(['token.create:ok', 'token.revoke:failed', 'token.revoke:ok']);
  });
});

describe('preferences', () => {
  const put = (token: string, body: unknown) => h.app.request('/api/auth/preferences', { method: 'PUT', headers: bearer(token, JSON_HEADERS), body: JSON.stringify(body) });
  const get = async (token: string) => (await h.app.request('/api/auth/preferences', { headers: bearer(token) })).json();

  it('keep each user’s own dashboard language, merge a partial update, and refuse a language the dashboard lacks', async () => {
    expect(await get(h.tokens.member)).toEqual({});
    const saved = await put(h.tokens.member, { locale: 'fr' });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ locale: 'fr' });
    expect(await (await put(h.tokens.member, {})).json()).toEqual({ locale: 'fr' });
    expect(await get(h.tokens.member)).toEqual({ locale: 'fr' });
    expect(await get(h.tokens.owner)).toEqual({});

    const bad = await put(h.tokens.member, { locale: 'de' });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe('invalid_input');
    expect((await put(h.tokens.member, { theme: 'dark' })).status).toBe(400);
    expect(await get(h.tokens.member)).toEqual({ locale: 'fr' });
  });
});

describe('users', () => {
  const post = (token: string, body: unknown) => h.app.request('/api/users', { method: 'POST', headers: bearer(token, JSON_HEADERS), body: JSON.stringify(body) });

  it('lets an admin add members but not owners, and audits both outcomes', async () => {
    expect((await post(h.tokens.admin, { username: 'kid', password: PASSWORD })).status).toBe(201);
    const denied = await post(h.tokens.admin, { username: 'boss', password: PASSWORD, role: 'owner' });
    expect(denied.status).toBe(403);
    expect(h.audits.map((a) => `${a.action}:${a.outcome}:${a.target}`)).toEqual(['user.create:ok:kid', 'user.create:denied:boss']);
    expect(h.audits[0]!.context.userId).toBe(h.userIds.admin);
    expect((await post(h.tokens.owner, { username: 'kid', password: PASSWORD })).status).toBe(409);
  });

  it('never removes or demotes the last owner, and an admin cannot touch an owner', async () => {
    const del = (token: string, id: string) => h.app.request(`/api/users/${id}`, { method: 'DELETE', headers: bearer(token) });
    expect((await del(h.tokens.admin, h.userIds.owner)).status).toBe(403);
    expect((await del(h.tokens.owner, h.userIds.owner)).status).toBe(409);
    const demote = await h.app.request(`/api/users/${h.userIds.owner}`, { method: 'PATCH', headers: bearer(h.tokens.owner, JSON_HEADERS), body: JSON.stringify({ role: 'admin' }) });
    expect(demote.status).toBe(409);
    expect((await del(h.tokens.admin, h.userIds.member)).status).toBe(204);
    expect((await h.app.request('/api/auth/me', { headers: bearer(h.tokens.member) })).status).toBe(401);
  });

  it('a new password signs the user out everywhere', async () => {
    const patch = await h.app.request(`/api/users/${h.userIds.member}`, { method: 'PATCH', headers: bearer(h.tokens.admin, JSON_HEADERS), body: JSON.stringify({ password: 'another secret' }) });
    expect(patch.status).toBe(200);
    expect((await h.app.request('/api/auth/me', { headers: bearer(h.tokens.member) })).status).toBe(401);
    expect((await login('mia', 'another secret')).status).toBe(200);
  });
});

describe('CSRF and headers', () => {
  const cookieOf = async () => (await login('olivia', PASSWORD)).headers.get('set-cookie')!.split(';')[0]!;
  const command = (headers: Record<string, string>) => h.app.request('/api/entities/light.hall/commands/turn_on', { method: 'POST', headers: { host: 'hub.local:8420', ...headers } });

  it('refuses a cookie-authenticated state change from another origin or with no origin', async () => {
    const cookie = await cookieOf();
    expect((await command({ cookie, origin: 'http://evil.example' })).status).toBe(403);
    expect((await command({ cookie })).status).toBe(403);
    expect((await command({ cookie, origin: 'http://hub.local:8420' })).status).toBe(200);
    expect((await command({ cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await command(bearer(h.tokens.member))).status).toBe(200);
  });

  it('sends a CSP the dashboard satisfies, nosniff and no framing on every response', async () => {
    for (const path of ['/api/health', '/api/entities', '/nowhere']) {
      const res = await h.app.request(path);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

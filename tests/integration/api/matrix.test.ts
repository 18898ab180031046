import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../core/kernel/index.js';
import { JSON_HEADERS, bearer, createHarness, type Harness } from './harness.js';

interface Route {
  method: string;
  path: string;
  body?: unknown;
  min: Role;
}

/** Every authenticated route of this module with the lowest role allowed. */
const ROUTES: Route[] = [
  { method: 'GET', path: '/api/auth/me', min: 'member' },
  { method: 'GET', path: '/api/auth/tokens', min: 'member' },
  { method: 'POST', path: '/api/auth/tokens', body: { name: 'x' }, min: 'member' },
  { method: 'DELETE', path: '/api/auth/tokens/none', min: 'member' },
  { method: 'PUT', path: '/api/auth/me', body: { displayName: null }, min: 'member' },
  { method: 'POST', path: '/api/auth/password', body: { current: 'wrong', new: 'long enough' }, min: 'member' },
  { method: 'GET', path: '/api/auth/sessions', min: 'member' },
  { method: 'DELETE', path: '/api/auth/sessions/none', min: 'member' },
  { method: 'GET', path: '/api/invitations', min: 'admin' },
  { method: 'POST', path: '/api/invitations', body: {}, min: 'admin' },
  { method: 'DELETE', path: '/api/invitations/none', min: 'admin' },
  { method: 'GET', path: '/api/entities', min: 'member' },
  { method: 'GET', path: '/api/entities/light.hall', min: 'member' },
  { method: 'POST', path: '/api/entities/light.hall/commands/turn_off', min: 'member' },
  { method: 'POST', path: '/api/entities/switch.boiler/commands/turn_on', min: 'owner' },
  { method: 'GET', path: '/api/plugins', min: 'member' },
  { method: 'GET', path: '/api/users', min: 'admin' },
  { method: 'POST', path: '/api/users', body: { username: 'new_one', password: 'long enough' }, min: 'admin' },
  { method: 'GET', path: '/api/users/none', min: 'admin' },
  { method: 'PATCH', path: '/api/users/none', body: { role: 'member' }, min: 'admin' },
  { method: 'DELETE', path: '/api/users/none', min: 'admin' },
  { method: 'GET', path: '/api/sim/lines', min: 'admin' },
  { method: 'PUT', path: '/api/sim/lines/17', body: { value: 1 }, min: 'admin' },
  { method: 'POST', path: '/api/auth/logout', min: 'member' },
];
const ROLES: Role[] = ['member', 'admin', 'owner'];
const RANK: Record<Role, number> = { member: 1, admin: 2, owner: 3 };

let h: Harness;
beforeAll(async () => (h = await createHarness()));
afterAll(() => h.close());

const call = (route: Route, headers: Record<string, string>) =>
  h.app.request(route.path, { method: route.method, headers: { ...JSON_HEADERS, ...headers }, ...(route.body !== undefined && { body: JSON.stringify(route.body) }) });

describe('401/403 matrix', () => {
  for (const route of ROUTES) {
    it(`${route.method} ${route.path}: 401 anonymous, 403 below ${route.min}, allowed from ${route.min}`, async () => {
      const anonymous = await call(route, {});
      expect(anonymous.status).toBe(401);
      expect((await anonymous.json()) as object).toHaveProperty('error.code', 'unauthorized');
      expect((await call(route, bearer('ht_forged'))).status).toBe(401);
      for (const role of ROLES) {
        // Logout revokes the caller's session: give it a throwaway one.
        const token = route.path.endsWith('/logout') ? h.auth.tokens.issue(h.userIds[role], 'session', 60_000).token : h.tokens[role];
        const res = await call(route, bearer(token));
        if (RANK[role] < RANK[route.min]) expect(res.status, `${role}`).toBe(403);
        else expect([401, 403], `${role} got ${res.status}`).not.toContain(res.status);
      }
    });
  }

  it('keeps health, onboarding, login, invitation acceptance, the session probe and the OpenAPI document public', async () => {
    expect((await h.app.request('/api/health')).status).toBe(200);
    const probe = await h.app.request('/api/auth/session');
    expect(probe.status).toBe(200);
    expect(await probe.json()).toEqual({ user: null });
    expect((await h.app.request('/api/onboarding')).status).toBe(200);
    expect((await h.app.request('/api/openapi.json')).status).toBe(200);
    const login = await h.app.request('/api/auth/login', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ username: 'x', password: 'y' }) });
    expect(login.status).toBe(401);
    const accept = await h.app.request('/api/invitations/accept', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ code: 'AAAA-AAAA', username: 'x', password: 'long enough' }) });
    expect(accept.status).toBe(404);
  });

  it('refuses anonymous callers even on unknown /api paths (no route discovery)', async () => {
    expect((await h.app.request('/api/secret-admin-thing')).status).toBe(401);
    expect((await h.app.request('/api/secret-admin-thing', { headers: bearer(h.tokens.member) })).status).toBe(404);
  });
});

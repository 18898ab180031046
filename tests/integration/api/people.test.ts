import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JSON_HEADERS, PASSWORD, bearer, createHarness, errorOf, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => {
  vi.useRealTimers();
  h.close();
});

const send = (method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}) =>
  h.app.request(path, {
    method,
    headers: { ...JSON_HEADERS, ...(token && bearer(token)), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

interface Created {
  id: string;
  code: string;
  url: string;
  role: string;
  status: string;
  expiresAt: string;
}

async function invite(body: object = {}, token = h.tokens.admin): Promise<Created> {
  const res = await send('POST', '/api/invitations', token, body, { host: 'hub.local:8420' });
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

const accept = (code: string, username: string, password = PASSWORD) => send('POST', '/api/invitations/accept', undefined, { code, username, password });
const trail = () => h.audits.map((a) => `${a.action}:${a.outcome}${a.target ? `:${a.target}` : ''}`);

describe('invitations', () => {
  it('gives a short unambiguous code and a link once, and lists the invitation without it', async () => {
    const created = await invite({ role: 'member', expiresInHours: 24 });
    expect(created.code).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}$/);
    expect(created.url).toBe(`http://hub.local:8420/invite/${created.code}`);
    expect(Date.parse(created.expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    const list = await (await send('GET', '/api/invitations', h.tokens.admin)).json();
    expect(list).toMatchObject({ invitations: [{ id: created.id, role: 'member', status: 'pending', createdBy: 'adam', usedBy: null }] });
    expect(JSON.stringify(list)).not.toContain(created.code.slice(5));
    expect(trail()).toEqual(['invitation.create:ok']);
    expect(h.audits[0]!.context.userId).toBe(h.userIds.admin);
  });

  it('signs the invitee in with a cookie, once; the second use is refused with 410', async () => {
    const { code, id } = await invite({ role: 'admin' });
    const res = await accept(code.toLowerCase().replace('-', ' '), 'Zoe');
    expect(res.status).toBe(201);
    expect(res.headers.get('set-cookie')).toMatch(/^hearth_session=hs_.*HttpOnly/);
    const body = (await res.json()) as { token: string; user: { id: string; username: string; role: string }; invitation: { status: string; usedBy: string } };
    expect(body.user).toMatchObject({ username: 'zoe', role: 'admin' });
    expect(body.invitation).toMatchObject({ id, status: 'used', usedBy: 'zoe' });
    expect(await (await send('GET', '/api/auth/me', body.token)).json()).toMatchObject({ username: 'zoe', role: 'admin' });

    const again = await accept(code, 'zoe2');
    expect(again.status).toBe(410);
    expect((await errorOf(again)).code).toBe('gone');
    expect(h.auth.users.findByName('zoe2')).toBeUndefined();
    expect(trail()).toEqual(['invitation.create:ok', 'invitation.accept:ok:zoe', 'invitation.accept:failed:zoe2']);
    // The accepted line is the newcomer's own act.
    expect(h.audits[1]!.context.userId).toBe(body.user.id);
  });

  it('refuses an expired invitation with 410 and creates no account', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { code } = await invite({ expiresInHours: 1 });
    vi.setSystemTime(Date.now() + 3_600_001);
    const res = await accept(code, 'late');
    expect(res.status).toBe(410);
    expect(h.auth.users.findByName('late')).toBeUndefined();
    // The owner's session: the harness's admin one lasts only an hour.
    const list = (await (await send('GET', '/api/invitations', h.tokens.owner)).json()) as { invitations: { status: string }[] };
    expect(list.invitations[0]!.status).toBe('expired');
  });

  it('rate limits guessed codes per address: 404s, then 429 even for the right code', async () => {
    const { code } = await invite();
    for (let i = 0; i < 10; i++) {
      const guess = await accept(`AAAA-AA${String(i).padStart(2, '3')}`, 'guesser');
      expect(guess.status).toBe(404);
    }
    const blocked = await accept(code, 'guesser');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(h.auth.users.findByName('guesser')).toBeUndefined();
    expect(trail().at(-1)).toBe('invitation.accept:denied:guesser');
  });

  it('keeps the invitation open when the username is taken, and checks the password policy', async () => {
    const { code } = await invite();
    expect((await accept(code, 'mia')).status).toBe(409);
    const short = await accept(code, 'newbie', 'short');
    expect(short.status).toBe(400);
    expect((await errorOf(short)).message).toMatch(/password/);
    expect((await accept(code, 'newbie')).status).toBe(201);
  });

  it('revoking makes the code unknown; only an owner invites owners', async () => {
    const { id, code } = await invite();
    expect((await send('DELETE', `/api/invitations/${id}`, h.tokens.admin)).status).toBe(204);
    expect((await accept(code, 'someone')).status).toBe(404);
    expect((await send('DELETE', `/api/invitations/${id}`, h.tokens.admin)).status).toBe(404);
    expect((await send('POST', '/api/invitations', h.tokens.admin, { role: 'owner' })).status).toBe(403);
    expect((await invite({ role: 'owner' }, h.tokens.owner)).role).toBe('owner');
    expect(trail()).toEqual(['invitation.create:ok', 'invitation.revoke:ok', 'invitation.accept:failed:someone', 'invitation.revoke:failed', 'invitation.create:denied', 'invitation.create:ok']);
  });
});

describe('own account', () => {
  const signIn = async (username: string, password = PASSWORD, agent = 'test-browser') => {
    const res = await send('POST', '/api/auth/login', undefined, { username, password }, { 'user-agent': agent });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  };

  it('a member changes their own password: the other session is signed out, this one and API tokens stay', async () => {
    const phone = await signIn('mia', PASSWORD, 'phone');
    const laptop = await signIn('mia', PASSWORD, 'laptop');
    const wrong = await send('POST', '/api/auth/password', laptop, { current: 'not it at all', new: 'a brand new secret' });
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).message).toMatch(/current password/);

    expect((await send('POST', '/api/auth/password', laptop, { current: PASSWORD, new: 'a brand new secret' })).status).toBe(204);
    expect((await send('GET', '/api/auth/me', phone)).status).toBe(401);
    expect((await send('GET', '/api/auth/me', h.tokens.member)).status).toBe(401);
    expect((await send('GET', '/api/auth/me', laptop)).status).toBe(200);
    expect((await send('POST', '/api/auth/login', undefined, { username: 'mia', password: PASSWORD })).status).toBe(401);
    await signIn('mia', 'a brand new secret');
    expect(trail()).toEqual(['auth.login:ok:mia', 'auth.login:ok:mia', 'auth.password:failed:mia', 'auth.password:ok:mia', 'auth.login:denied:mia', 'auth.login:ok:mia']);
  });

  it('rate limits wrong current passwords like sign-in', async () => {
    for (let i = 0; i < 5; i++) expect((await send('POST', '/api/auth/password', h.tokens.member, { current: `wrong ${i} pass`, new: 'a brand new secret' })).status).toBe(400);
    expect((await send('POST', '/api/auth/password', h.tokens.member, { current: PASSWORD, new: 'a brand new secret' })).status).toBe(429);
  });

  it('sets and clears a display name, shown by /auth/me and the session probe', async () => {
    const set = await send('PUT', '/api/auth/me', h.tokens.member, { displayName: '  Mia Dupont ' });
    expect(await set.json()).toMatchObject({ username: 'mia', displayName: 'Mia Dupont' });
    expect(await (await send('GET', '/api/auth/session', h.tokens.member)).json()).toMatchObject({ user: { displayName: 'Mia Dupont' } });
    expect(h.auth.users.nameOf(h.userIds.member)).toBe('Mia Dupont');
    expect((await send('PUT', '/api/auth/me', h.tokens.member, { displayName: 'bad\u0007name' })).status).toBe(400);
    const cleared = (await (await send('PUT', '/api/auth/me', h.tokens.member, { displayName: '' })).json()) as object;
    expect(cleared).not.toHaveProperty('displayName');
    expect(h.auth.users.nameOf(h.userIds.member)).toBe('mia');
  });
});

describe('sessions', () => {
  interface Listed {
    sessions: { id: string; user: { username: string }; current: boolean; userAgent: string | null; lastSeenAt: string }[];
  }
  const list = async (token: string) => ((await (await send('GET', '/api/auth/sessions', token)).json()) as Listed).sessions;

  it('a member sees only their own sessions and cannot revoke anyone else\'s', async () => {
    const mine = await list(h.tokens.member);
    expect(mine.map((s) => s.user.username)).toEqual(['mia']);
    expect(mine[0]!.current).toBe(true);
    const admins = (await list(h.tokens.admin)).filter((s) => s.user.username === 'adam');
    expect((await send('DELETE', `/api/auth/sessions/${admins[0]!.id}`, h.tokens.member)).status).toBe(404);
    expect((await send('GET', '/api/auth/me', h.tokens.admin)).status).toBe(200);
  });

  it('an admin sees everyone\'s with user agent and current flag, and signs a member out', async () => {
    const res = await send('POST', '/api/auth/login', undefined, { username: 'mia', password: PASSWORD }, { 'user-agent': 'Firefox on Android' });
    const { token } = (await res.json()) as { token: string };
    const all = await list(h.tokens.admin);
    expect(new Set(all.map((s) => s.user.username))).toEqual(new Set(['olivia', 'adam', 'mia']));
    expect(all.filter((s) => s.current).map((s) => s.user.username)).toEqual(['adam']);
    const phone = all.find((s) => s.userAgent === 'Firefox on Android')!;
    expect(phone.user.username).toBe('mia');

    expect((await send('DELETE', `/api/auth/sessions/${phone.id}`, h.tokens.admin)).status).toBe(204);
    expect((await send('GET', '/api/auth/me', token)).status).toBe(401);
    expect((await send('GET', '/api/auth/me', h.tokens.member)).status).toBe(200);
    const owners = all.filter((s) => s.user.username === 'olivia');
    expect((await send('DELETE', `/api/auth/sessions/${owners[0]!.id}`, h.tokens.admin)).status).toBe(403);
    expect(trail().slice(-2)).toEqual(['session.revoke:ok:mia', 'session.revoke:denied:olivia']);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER, buildDashboard, launchBrowser, onboardedPage, shot, startHub, type RunningHub } from './harness.js';

const ZOE = { username: 'zoe', password: 'a long enough secret' };

describe('people: an invitation from Settings, accepted in another browser', { timeout: 90_000 }, () => {
  let hub: RunningHub;
  let browser: Browser;
  let admin: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    buildDashboard();
    hub = await startHub();
    browser = await launchBrowser();
    ({ page: admin } = await onboardedPage(browser, hub, errors, { viewport: { width: 1200, height: 900 } }));
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  async function freshPage(): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    page.setDefaultTimeout(8000);
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  }

  it('the admin creates an invitation; the invitee opens the link, chooses a name and password and lands signed in; the link then refuses', async () => {
    await admin.goto(`${hub.url}/settings/people`);
    await admin.getByRole('heading', { name: 'Invitations' }).waitFor();
    const invitations = admin.locator('hearth-people-settings');
    await invitations.locator('select[name=role]').selectOption('member');
    await invitations.getByRole('button', { name: 'Create invitation' }).click();
    const link = await invitations.getByLabel('Link').inputValue();
    const code = await invitations.getByLabel('Code', { exact: true }).inputValue();
    expect(link).toBe(`${hub.url}/invite/${code}`);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect.poll(() => admin.locator('tr[data-invitation]').first().textContent()).toMatch(/member\s*Waiting/);
    await shot(admin, 'people-invitation-created');

    const invitee = await freshPage();
    await invitee.goto(link);
    await invitee.getByRole('heading', { name: 'You are invited' }).waitFor();
    expect(await invitee.getByLabel('Invitation code').inputValue()).toBe(code);
    await invitee.getByLabel('Username').fill(ZOE.username);
    await invitee.getByLabel('Password', { exact: true }).fill(ZOE.password);
    await invitee.getByLabel('Repeat password').fill(ZOE.password);
    await invitee.getByRole('button', { name: 'Create my account' }).click();
    await invitee.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(new URL(invitee.url()).pathname).toBe('/');
    await expect.poll(() => invitee.locator('header.top .who').textContent()).toContain(ZOE.username);
    // Home, as the cards or the floor plan (Home opens on the plan when the house has one).
    await invitee.locator('hearth-light-card, hearth-floorplan-view').first().waitFor();

    // Her own account: a display name the header shows at once.
    await invitee.goto(`${hub.url}/settings/account`);
    await invitee.getByLabel('Display name').fill('Zoé Martin');
    await invitee.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => invitee.locator('header.top .who').textContent()).toContain('Zoé Martin');
    await expect.poll(() => invitee.locator('hearth-sessions-list tr[data-session]').count()).toBe(1);
    await shot(invitee, 'people-account');

    // The admin sees it used, and her session among everyone's; signing it out ends it.
    await admin.reload();
    await expect.poll(() => admin.locator('tr[data-invitation]').first().textContent()).toMatch(/Used.*zoe/s);
    await admin.getByRole('button', { name: /Sign out Zoé Martin on/ }).click();
    await expect.poll(async () => (await invitee.request.get(`${hub.url}/api/auth/me`)).status()).toBe(401);

    const again = await freshPage();
    await again.goto(link);
    await again.getByLabel('Username').fill('zoe2');
    await again.getByLabel('Password', { exact: true }).fill(ZOE.password);
    await again.getByLabel('Repeat password').fill(ZOE.password);
    await again.getByRole('button', { name: 'Create my account' }).click();
    await expect.poll(() => again.getByRole('alert').textContent()).toMatch(/already used or has expired/);

    // The logbook says who did each of it (it is written every couple of seconds).
    const audit = async () => {
      const res = await admin.request.get(`${hub.url}/api/logbook?kind=audit&limit=50`);
      return ((await res.json()) as { entries: { what: string; outcome: string; userName?: string }[] }).entries.map((e) => `${e.what}:${e.outcome}:${e.userName ?? ''}`);
    };
    const expected = [`invitation.create:ok:${OWNER.username}`, 'invitation.accept:ok:Zoé Martin', `session.revoke:ok:${OWNER.username}`, 'invitation.accept:failed:'];
    await expect.poll(audit, { timeout: 8000 }).toEqual(expect.arrayContaining(expected));
    expect(errors).toEqual([]);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, launchBrowser, OWNER, onboardedPage, showCards, startHub, type RunningHub } from './harness.js';

/** Issue #21 item 5: the dashboard switched to French from Settings speaks French on every main view, for that user on any browser. */
describe('the dashboard in French', { timeout: 90_000 }, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    buildDashboard();
    hub = await startHub();
    browser = await launchBrowser();
    ({ page } = await onboardedPage(browser, hub, errors, { viewport: { width: 1100, height: 900 } }));
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  const nav = (p: Page) => p.getByRole('navigation', { name: /Main|Principal/ });
  const heading = (p: Page) => p.locator('main h1').first().textContent();

  it('switches from English to French in Settings, and every main view follows', async () => {
    await page.goto(`${hub.url}/settings/language`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await nav(page).getByRole('link', { name: 'Home' }).waitFor();

    await page.getByLabel('Language of the dashboard').selectOption('fr');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    await nav(page).getByRole('link', { name: 'Accueil' }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();

    const views: [link: string, heading: string | RegExp][] = [
      ['Historique', 'Historique'],
      ['Journal', 'Journal'],
      ['Automatisations', 'Automatisations'],
      ['Alertes', 'Alertes'],
      ['Réglages', 'Réglages'],
    ];
    for (const [link, title] of views) {
      await nav(page).getByRole('link', { name: link }).click();
      await expect.poll(() => heading(page)).toMatch(title);
    }
    await nav(page).getByRole('link', { name: 'Accueil' }).click();
    await page.getByRole('group', { name: 'Afficher la maison en' }).getByRole('button', { name: 'Cartes' }).waitFor();
    await showCards(page);
    // A state word and a number in French: "Éteint"/"Allumé" on a light, a decimal comma on a reading.
    await expect.poll(() => page.locator('hearth-light-card .state').first().textContent()).toMatch(/^(Allumé|Éteint)/);
    await expect.poll(() => page.locator('hearth-sensor-card .value').allTextContents()).toContainEqual(expect.stringMatching(/^\d+,\d\u00a0°C$/));
  });

  it('keeps the language on the user: a fresh English browser signing in as them gets French', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const other = await context.newPage();
    other.on('pageerror', (e) => errors.push(e.message));
    await other.goto(`${hub.url}/`);
    await other.getByLabel('Username').fill(OWNER.username);
    await other.getByLabel('Password').fill(OWNER.password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await nav(other).getByRole('link', { name: 'Réglages' }).waitFor();
    await expect.poll(() => other.locator('html').getAttribute('lang')).toBe('fr');
    await context.close();
    expect(errors).toEqual([]);
  });
});

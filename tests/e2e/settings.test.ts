import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, launchBrowser, onboardedPage, shot, startHub, type RunningHub } from './harness.js';

// A writable copy: the shipped demo house is never edited in place.
const CONFIG = `name: Settings house
hardware: { backend: sim }
areas: [hall, garage]
plugins:
  - use: gpio
    entities:
      - { id: light.hall, name: Hall, line: 27, area: hall }
`;

describe('settings: a relay added from Settings → Plugins, its area renamed, the page in French', { timeout: 120_000 }, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let file: string;
  const errors: string[] = [];

  beforeAll(async () => {
    buildDashboard();
    file = join(mkdtempSync(join(tmpdir(), 'hearth-settings-')), 'hearth.yaml');
    writeFileSync(file, CONFIG);
    hub = await startHub(file);
    browser = await launchBrowser();
    ({ page } = await onboardedPage(browser, hub, errors, { viewport: { width: 1200, height: 900 } }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('adds a gpio relay, sees it on Home without a restart, renames its area, then shows Settings in French', async () => {
    await page.goto(`${hub.url}/settings/plugins`);
    const config = page.locator('hearth-plugin-config');
    await config.getByLabel('Built-in plugin').selectOption('gpio');
    await config.getByLabel('Id (optional)').fill('relays');
    await config.getByLabel('Options (JSON)').fill(JSON.stringify({ entities: [{ id: 'switch.pump', name: 'Pump', line: 22, area: 'garage' }] }));
    await config.getByRole('button', { name: 'Add plugin' }).click();
    await config.locator('article[data-plugin=relays]').waitFor();
    expect(readFileSync(file, 'utf8')).toContain('id: switch.pump');

    await page.goto(`${hub.url}/`);
    await page.getByRole('switch', { name: 'Pump power' }).waitFor();

    await page.goto(`${hub.url}/settings/areas`);
    const garage = page.locator('hearth-area-config li[data-area=garage]');
    await garage.getByLabel('Name of area 2').fill('workshop');
    await garage.getByRole('button', { name: 'Rename' }).click();
    await page.locator('hearth-area-config li[data-area=workshop]').getByText('1 entity').waitFor();
    expect(readFileSync(file, 'utf8')).toContain('area: workshop');

    await page.goto(`${hub.url}/settings/language`);
    await page.locator('select[name=locale]').selectOption('fr');
    await page.getByRole('link', { name: 'Pièces' }).waitFor();
    await shot(page, 'settings-fr');
    expect(errors).toEqual([]);
  });
});

/**
 * A look at every page of the running demo house, light and dark, desktop and phone,
 * saved under tests/e2e/screenshots/tour-*.png for a person to judge; with `--readme`
 * it also writes docs/screenshot.png (Home, light theme, 1280×800).
 *
 *   npx tsc -p tsconfig.build.json && npx tsx tests/e2e/tour.ts [--readme]
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, buildDashboard, launchBrowser, shot, startHub, type RunningHub } from './harness.js';

const OWNER = { username: 'alice', password: 'correct horse battery' };

async function post(page: Page, url: string, path: string, data: unknown): Promise<void> {
  const res = await page.request.post(`${url}${path}`, { data, headers: { origin: url } });
  if (!res.ok()) throw new Error(`POST ${path} answered ${res.status()}: ${await res.text()}`);
}

/** A lived-in evening: two lights on (one dimmed), the shutters part open, the heater on. */
async function stageHouse(page: Page, url: string): Promise<void> {
  await post(page, url, '/api/onboarding', OWNER);
  await post(page, url, '/api/entities/light.living_room/commands/turn_on', { brightness: 70 });
  await post(page, url, '/api/entities/light.kitchen/commands/turn_on', {});
  await post(page, url, '/api/entities/light.bedroom/commands/turn_on', { brightness: 35 });
  await post(page, url, '/api/entities/light.hall/commands/turn_on', {});
  await post(page, url, '/api/entities/switch.bedroom_heater/commands/turn_on', {});
  await post(page, url, '/api/entities/cover.living_room/commands/set_position', { position: 60 });
  await post(page, url, '/api/entities/cover.bedroom/commands/set_position', { position: 35 });
}

const PAGES = [
  ['home', '/'],
  ['entity', '/entity/sensor.living_room_temperature'],
  ['light', '/entity/light.living_room'],
  ['automations', '/automations'],
  ['editor', '/automations/new'],
  ['logbook', '/logbook'],
  ['settings', '/settings/plugins'],
  ['simulator', '/settings/simulator'],
] as const;

async function tour(browser: Browser, url: string, state: string, scheme: 'light' | 'dark', width: number, height: number, prefix: string) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, storageState: JSON.parse(state) as never });
  const page = await context.newPage();
  for (const [name, path] of PAGES) {
    await page.goto(`${url}${path}`);
    await page.locator('hearth-app').waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, `${prefix}-${name}`);
  }
  await context.close();
}

async function main() {
  const readme = process.argv.includes('--readme');
  buildDashboard();
  let hub: RunningHub | undefined;
  let browser: Browser | undefined;
  try {
    hub = await startHub();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    const page = await context.newPage();
    await stageHouse(page, hub.url);
    // Let the shutters reach their positions and a few readings arrive for the sparklines.
    await page.waitForTimeout(readme ? 20_000 : 3_000);
    await page.goto(hub.url);
    await page.locator('hearth-sensor-card').first().waitFor();
    await page.waitForLoadState('networkidle');
    if (readme) await page.screenshot({ path: join(ROOT, 'docs', 'screenshot.png') });
    const state = JSON.stringify(await context.storageState());
    await tour(browser, hub.url, state, 'light', 1280, 800, 'tour-desktop-light');
    await tour(browser, hub.url, state, 'dark', 1280, 800, 'tour-desktop-dark');
    await tour(browser, hub.url, state, 'light', 390, 844, 'tour-phone-light');
    await tour(browser, hub.url, state, 'dark', 390, 844, 'tour-phone-dark');
  } finally {
    await browser?.close();
    await hub?.stop();
  }
}

await main();

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { startHubProcess, type RunningHub } from '../helpers/hub-process.js';

export type { RunningHub };

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';

/** Builds the dashboard once per run; the hub serves frontend/dist. */
export function buildDashboard(): void {
  // vitest sets NODE_ENV=test, which makes Vite pick Lit's development build (it warns in the console)
  execFileSync('npx', ['vite', 'build', '--config', 'frontend/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/** The compiled hub on the demo house (or `config`) in a fresh data dir. */
export function startHub(config = join(ROOT, 'examples', 'demo-house.yaml')): Promise<RunningHub> {
  return startHubProcess({ config });
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** Saves tests/e2e/screenshots/<name>.png (git-ignored) for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export const OWNER = { username: 'alice', password: 'correct horse battery' };
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** A page in a fresh context, signed in by onboarding the owner over the API (the context keeps the cookie); page errors land in `errors`. */
export async function onboardedPage(browser: Browser, hub: RunningHub, errors: string[], options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.request.post(`${hub.url}/api/onboarding`, { data: OWNER, headers: { origin: hub.url } });
  if (!res.ok()) throw new Error(`onboarding answered ${res.status()}`);
  return { context, page };
}

/**
 * Home opens on the floor plan when one exists (the demo house has one) until the user picks:
 * a test about the cards picks them, as a user would. The choice is the user's preference, kept by the hub.
 */
export async function showCards(page: Page): Promise<void> {
  const modes = page.locator('hearth-home-view .mode');
  await modes.getByRole('button', { name: /^(Cards|Cartes)$/ }).click();
  await modes.getByRole('button', { name: /^(Cards|Cartes)$/, pressed: true }).waitFor();
}


import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, launchBrowser, ROOT, shot, startHub, type RunningHub } from './harness.js';

/** The installable dashboard: manifest and service worker served right, and the cached shell says "offline". */
describe('installable dashboard', { timeout: 60_000 }, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    buildDashboard();
    hub = await startHub(join(ROOT, 'tests', 'fixtures', 'configs', 'healthy.yaml'));
    browser = await launchBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(8000);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('serves the manifest with its type and the worker uncached', async () => {
    const manifest = await page.request.get(`${hub.url}/manifest.webmanifest`);
    expect(manifest.headers()['content-type']).toBe('application/manifest+json');
    const body = (await manifest.json()) as { icons: { src: string; sizes: string }[] };
    for (const icon of body.icons) expect((await page.request.get(`${hub.url}${icon.src}`)).status(), icon.src).toBe(200);
    expect(body.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const worker = await page.request.get(`${hub.url}/sw.js`);
    expect(worker.headers()['cache-control']).toBe('no-cache');
    expect(await worker.text()).toMatch(/hearth-shell-/);
  });

  it('opens from its cache with an offline message when the hub is gone, never serving /api from the cache', async () => {
    await page.goto(hub.url);
    await page.getByRole('button', { name: /create|sign in/i }).first().waitFor();
    // Browser-side code as strings: the test's tsconfig has no DOM types. clients.claim() hands this page to the worker.
    await page.evaluate(`navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller
      || new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })))`);
    const cached = await page.evaluate<string[]>(`caches.keys()
      .then((keys) => Promise.all(keys.map((k) => caches.open(k).then((c) => c.keys()))))
      .then((lists) => lists.flat().map((r) => new URL(r.url).pathname))`);
    expect(cached).toContain('/index.html');
    expect(cached.some((p) => p.startsWith('/assets/'))).toBe(true);
    expect(cached.filter((p) => p.startsWith('/api'))).toEqual([]);

    await hub.stop();
    await page.reload();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Hearth is offline/);
    expect(await page.title()).toBe('Hearth');
    const api = await page.evaluate<string>("fetch('/api/health').then((r) => `answered ${r.status}`, () => 'network error')");
    expect(api).toBe('network error');
    await shot(page, 'offline');
  });
});

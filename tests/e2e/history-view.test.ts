import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryResponse } from '../../frontend/src/api/types.js';
import { buildDashboard, launchBrowser, onboardedPage, PHONE, shot, startHub, type RunningHub } from './harness.js';

const TEMPERATURE = 'sensor.living_room_temperature';
const DOOR = 'binary_sensor.front_door';

describe('History view at phone width', { timeout: 90_000 }, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    buildDashboard();
    hub = await startHub();
    browser = await launchBrowser();
    ({ page } = await onboardedPage(browser, hub, errors, { ...PHONE, acceptDownloads: true }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  async function pick(search: string, name: string) {
    await page.getByRole('searchbox', { name: 'Search entities' }).fill(search);
    await page.getByRole('checkbox', { name: new RegExp(name) }).check();
  }

  it('picks two entities, draws a chart and a timeline, keeps them in the URL, exports the CSV of the points shown (zoomed too), compares timelines', async () => {
    // The recorder commits every 2 s: wait until the door has history to draw.
    await expect.poll(async () => (await page.request.get(`${hub.url}/api/history/${DOOR}`)).status(), { timeout: 10_000 }).toBe(200);
    await page.goto(`${hub.url}/history`);
    await pick('living temp', 'Living room temperature');
    await pick('front door', 'Front door');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: '1h', exact: true }).click();
    await expect.poll(() => new URL(page.url()).search).toBe(`?e=${TEMPERATURE},${DOOR}&range=1h`);
    await page.locator('hearth-history-view[data-ready]').waitFor();
    expect(await page.locator('hearth-history-chart canvas').count()).toBe(1);
    await page.locator(`.timeline[data-entity="${DOOR}"] .bar span[data-state="off"]`).first().waitFor();

    // A bookmarked custom range reloads as the same view.
    const end = Date.now();
    const start = end - 3_600_000;
    const link = `${hub.url}/history?e=${TEMPERATURE},${DOOR}&start=${new Date(start).toISOString()}&end=${new Date(end).toISOString()}`;
    await page.goto(link);
    await page.locator('hearth-history-view[data-ready]').waitFor();
    expect(page.url()).toBe(link);
    expect(await page.getByRole('button', { name: /^Remove / }).evaluateAll((chips) => chips.map((c) => c.getAttribute('aria-label'))))
      .toEqual(['Remove Living room temperature', 'Remove Front door']);
    expect(await page.getByRole('button', { name: 'Custom' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('hearth-history-chart canvas').count()).toBe(1);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth'), 'the page scrolls sideways').toBeLessThanOrEqual(390);
    await shot(page, 'history-view');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    const api = async (id: string, points: number) =>
      (await (await page.request.get(`${hub.url}/api/history/${id}?start=${start}&end=${end}&points=${points}`)).json()) as HistoryResponse;
    const expected = [...(await api(TEMPERATURE, 500)).points.map((p) => [TEMPERATURE, p] as const), ...(await api(DOOR, 5000)).points.map((p) => [DOOR, p] as const)]
      .map(([id, [ms, value]]) => `${id},current,${new Date(ms).toISOString()},${value ?? ''},,`);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(csv).toEqual(['entity_id,period,time,value,min,max', ...expected]);

    // Zoomed in on the first 80 % of the hour (the wheel, pointer at its left end): the readings of the
    // last minutes, all this young hub has, are not shown, so the CSV has none of them (tests/unit/frontend/history.test.ts
    // checks the window row by row).
    const plots = (await page.locator('.plots').boundingBox())!;
    await page.mouse.move(plots.x + 1, plots.y + 20);
    await page.mouse.wheel(0, -100);
    await page.getByRole('button', { name: 'Reset zoom' }).waitFor();
    const [zoomedDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const zoomed = readFileSync((await zoomedDownload.path())!, 'utf8').trim().split('\r\n');
    const shownEnd = start + 0.85 * 3_600_000;
    expect(zoomed).toEqual(['entity_id,period,time,value,min,max', ...expected.filter((row) => Date.parse(row.split(',')[2]!) <= shownEnd)]);
    expect(zoomed.length).toBeLessThan(csv.length);

    // Compared with the period before: the door gets a second, faded timeline row.
    await page.getByRole('checkbox', { name: 'Compare with the previous period' }).check();
    await page.locator('hearth-history-view[data-ready]').waitFor();
    await expect.poll(() => page.locator(`.timeline[data-entity="${DOOR}"] .bar`).evaluateAll((bars) => bars.map((b) => b.className))).toEqual(['bar current', 'bar previous']);
    expect(await page.locator(`.timeline[data-entity="${DOOR}"] .bar.previous`).getAttribute('aria-label')).toMatch(/^Front door, the period before: \d+ periods$/);
    expect(errors).toEqual([]);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnergyReport, TariffComparison } from '../../frontend/src/api/energy.js';
import type { HistoryResponse } from '../../frontend/src/api/types.js';
import { startHubProcess } from '../helpers/hub-process.js';
import { buildDashboard, launchBrowser, onboardedPage, PHONE, ROOT, shot, type RunningHub } from './harness.js';

describe('Energy view at phone width', { timeout: 120_000 }, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    buildDashboard();
    // the demo's first start lives its past week, so yesterday is a whole recorded day
    hub = await startHubProcess({ config: `${ROOT}/examples/demo-house.yaml`, backfill: true });
    browser = await launchBrowser();
    ({ page } = await onboardedPage(browser, hub, errors, { ...PHONE, timezoneId: 'Europe/Paris' }));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it("shows the demo house's power, today, yesterday's bars by tariff period with their cost, the options compared and the Tempo days", async () => {
    await page.goto(`${hub.url}/energy`);
    const view = page.locator('hearth-energy-view');
    await page.locator('hearth-energy-view[data-ready]').waitFor();
    await expect.poll(() => view.locator('[data-tile="now"] strong').textContent()).toMatch(/^[\d,]+ VA$/);
    expect(await view.locator('[data-tile="today"] strong').textContent()).toMatch(/kWh$/);

    // yesterday, lived by the backfill: a whole day of off-peak and peak hours
    await view.getByRole('button', { name: 'Day', exact: true }).click();
    await view.getByRole('button', { name: 'Earlier' }).click();
    await page.locator('hearth-energy-view[data-span="day:-1"]').waitFor();
    await expect.poll(() => view.locator('.legend [data-period]').evaluateAll((spans) => spans.map((s) => s.getAttribute('data-period')))).toEqual(['hc', 'hp']);
    expect(await view.locator('hearth-energy-chart canvas').count()).toBe(1);
    const text = async (selector: string) => (await view.locator(selector).first().textContent())?.replace(/\s+/g, ' ').trim();
    expect(await text('.legend [data-period="hp"]')).toMatch(/^Peak: [\d.,]+ kWh · €[\d.,]+$/);
    expect(await text('[data-section="cost"] h3')).toMatch(/^Cost: €[\d.,]+$/);
    expect(await text('[data-compare="previous"]')).toContain('the day before');

    // the table is the API's comparison for the same day, cheapest first, the house's own option marked
    const yesterday = new Date(new Date().setHours(0, 0, 0, 0) - 86_400_000);
    const noon = new Date(yesterday.getTime() + 12 * 3_600_000);
    const local = await page.evaluate((at) => { const d = new Date(at); return [new Date(d.getFullYear(), d.getMonth(), d.getDate()).toISOString(), new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).toISOString()]; }, noon.getTime());
    const api = (await (await page.request.get(`${hub.url}/api/energy/compare?start=${local[0]}&end=${local[1]}`)).json()) as TariffComparison;
    // the day's kWh are what the meter's index rose by between the two midnights
    const report = (await (await page.request.get(`${hub.url}/api/energy?period=day&start=${local[0]}&end=${local[1]}`)).json()) as EnergyReport;
    const index = (await (await page.request.get(`${hub.url}/api/history/sensor.linky_imported?start=${local[0]}&end=${local[1]}&points=2000`)).json()) as HistoryResponse;
    const values = index.points.map(([, v]) => Number(v));
    const used = report.rows[0]!.meters['sensor.linky_imported']!;
    expect(used.change).toBeCloseTo(Math.max(...values) - Math.min(...values), 0);
    expect(used.byPeriod.hc! + used.byPeriod.hp!).toBeCloseTo(used.change, 6);
    const rows = view.locator('[data-section="compare"] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-tariff')))).toEqual(api.options.map((o) => o.tariff));
    expect(await rows.locator('td:last-child').allTextContents()).toEqual(api.options.map((o) => `€${o.total.toFixed(2)}`));
    expect(await view.locator('[data-tariff="hchp"] .tag').first().textContent()).toBe('yours');

    // the made-up Tempo calendar of the sim meter, recorded over the backfilled week
    const tempo = view.locator('hearth-energy-tempo');
    expect(await tempo.locator('[data-tempo="today"]').getAttribute('class')).toMatch(/chip (blue|white|red)/);
    expect(await tempo.locator('.day.blue, .day.white, .day.red').count()).toBeGreaterThanOrEqual(6);

    expect(await page.evaluate<number>('document.documentElement.scrollWidth'), 'the page scrolls sideways').toBeLessThanOrEqual(390);
    await shot(page, 'energy-view');
    expect(errors).toEqual([]);
  });
});

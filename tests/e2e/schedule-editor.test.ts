import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, launchBrowser, onboardedPage, PHONE, shot, showCards, startHub, type RunningHub } from './harness.js';

type BlockLite = { from: string; to: string; value?: string | number };
interface ScheduleLite { readOnly: boolean; days: Record<string, BlockLite[]>; exceptions: { date: string; blocks: BlockLite[] }[] }

describe('schedule editor at phone width', { timeout: 60_000 }, () => {
  let hub: RunningHub;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    buildDashboard();
    hub = await startHub();
    browser = await launchBrowser();
    ({ context, page } = await onboardedPage(browser, hub, errors, PHONE));
    const headers = { origin: hub.url };
    const created = await page.request.post(`${hub.url}/api/schedules`, { data: { id: 'study', name: 'Study', days: {} }, headers });
    if (created.status() !== 201) throw new Error(`POST /api/schedules answered ${created.status()}`);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  const track = (day: string): Locator => page.locator(`hearth-schedule-editor .track[data-row="${day}"]`);
  const block = (label: string): Locator => page.getByRole('button', { name: label, exact: true });
  /** A finger drag through the DevTools protocol: Chromium turns it into pointer events, as on a phone. */
  async function touchDrag(from: { x: number; y: number }, to: { x: number; y: number }) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
    for (let i = 1; i <= 5; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + ((to.x - from.x) * i) / 5, y: from.y + ((to.y - from.y) * i) / 5 }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }

  it('draws a block, drags it, copies Monday to chosen days, asks before leaving unsaved, saves, and finds it after a reload', async () => {
    await page.goto(`${hub.url}/schedules/study`);
    const mon = (await track('mon').boundingBox())!;
    const at = (hour: number) => mon.x + (mon.width * hour) / 24;
    const y = mon.y + mon.height / 2;

    await touchDrag({ x: at(6), y }, { x: at(9), y });
    await expect.poll(() => block('Mon 06:00–09:00 comfort').count()).toBe(1);

    await page.mouse.move(at(7.5), y);
    await page.mouse.down();
    await page.mouse.move(at(8.5), y, { steps: 4 });
    await page.mouse.move(at(9.5), y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => block('Mon 08:00–11:00 comfort').count()).toBe(1);

    await page.getByLabel('Preset', { exact: true }).selectOption('eco');
    await block('Mon 08:00–11:00 eco').waitFor();
    // Any days, not only weekdays: Tuesday to Friday are ticked by default, Sunday added
    await page.getByRole('checkbox', { name: 'Sun' }).check();
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await block('Sun 08:00–11:00 eco').waitFor();

    // Unsaved: the app asks before another page, and staying keeps the work; so does a reload
    const asked: string[] = [];
    page.once('dialog', (d) => void (asked.push(d.message()), d.dismiss()));
    await page.getByRole('link', { name: 'Logbook' }).click();
    await expect.poll(() => asked).toEqual([expect.stringContaining('unsaved changes')]);
    expect(new URL(page.url()).pathname).toBe('/schedules/study');
    await block('Sun 08:00–11:00 eco').waitFor();
    const keepsOnUnload = () => page.evaluate<boolean>("!window.dispatchEvent(new Event('beforeunload', { cancelable: true }))");
    expect(await keepsOnUnload()).toBe(true);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(page, 'schedule-editor-phone');

    const saved = (await (await page.request.get(`${hub.url}/api/schedules/study`)).json()) as ScheduleLite;
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sun']) expect(saved.days[day]).toEqual([{ from: '08:00', to: '11:00', value: 'eco' }]);
    expect(saved.days.sat).toEqual([]);
    expect(await keepsOnUnload()).toBe(false);

    await page.reload();
    await block('Fri 08:00–11:00 eco').waitFor();
    expect(await block('Sat 08:00–11:00 eco').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('adds a dated exception, shows the hub refusing a repeated date, and saves once it is fixed', async () => {
    await page.getByRole('button', { name: 'Add exception' }).click();
    await page.getByLabel('Exception date').fill('2026-12-25');
    const row = (await track('0').boundingBox())!;
    await touchDrag({ x: row.x + row.width * (10 / 24), y: row.y + row.height / 2 }, { x: row.x + row.width * (14 / 24), y: row.y + row.height / 2 });
    await block('2026-12-25 10:00–14:00 comfort').focus();
    await page.keyboard.press('ArrowRight');
    await block('2026-12-25 10:15–14:15 comfort').waitFor();
    await page.getByRole('button', { name: 'Add exception' }).click();
    await page.getByLabel('Exception date').nth(1).fill('2026-12-25');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toEqual([expect.stringContaining('exceptions[1].date: 2026-12-25 is already given')]);
    await page.getByRole('button', { name: 'Remove exception' }).nth(1).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const saved = (await (await page.request.get(`${hub.url}/api/schedules/study`)).json()) as ScheduleLite;
    expect(saved.exceptions).toEqual([{ date: '2026-12-25', blocks: [{ from: '10:15', to: '14:15', value: 'comfort' }] }]);
    expect(saved.days.mon).toEqual([{ from: '08:00', to: '11:00', value: 'eco' }]);
  });

  it('the thermostat opens its config-file schedule, shown but not editable', async () => {
    await page.goto(hub.url);
    await showCards(page);
    await page.locator('hearth-climate-card').first().getByRole('link', { name: /schedule$/ }).click();
    await page.waitForURL(/\/schedules\/bedroom$/);
    await page.getByText('comes from the config file').waitFor();
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    const before = (await (await page.request.get(`${hub.url}/api/schedules/bedroom`)).json()) as ScheduleLite;
    const sun = (await track('sun').boundingBox())!;
    await page.mouse.move(sun.x + sun.width * 0.1, sun.y + sun.height / 2);
    await page.mouse.down();
    await page.mouse.move(sun.x + sun.width * 0.2, sun.y + sun.height / 2, { steps: 3 });
    await page.mouse.up();
    expect(await track('sun').locator('.block').count()).toBe(before.days.sun!.length);
  });

  it('a light follows the schedule from its page: applied at once, kept after a reload', async () => {
    await page.goto(`${hub.url}/entity/light.garden`);
    const picker = page.getByLabel('Follow schedule');
    await expect.poll(() => picker.isEnabled()).toBe(true);
    await picker.selectOption({ label: 'Study' });
    await page.getByRole('status').filter({ hasText: 'Following Study' }).waitFor();
    const get = async (path: string) => (await (await page.request.get(`${hub.url}${path}`)).json()) as Record<string, unknown>;
    expect(await get('/api/entities/light.garden/follow')).toEqual({ entityId: 'light.garden', schedule: 'schedule.study' });
    // Put where the schedule is now, without waiting for its next change
    expect((await get('/api/entities/light.garden')).state).toBe((await get('/api/entities/schedule.study')).state);
    await page.reload();
    await expect.poll(() => page.getByLabel('Follow schedule').inputValue()).toBe('schedule.study');
    expect(errors).toEqual([]);
  });
});

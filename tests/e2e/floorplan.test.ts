import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, launchBrowser, onboardedPage, PHONE, shot, startHub, type RunningHub } from './harness.js';

interface PlanLite { items: { entityId: string; x: number; y: number }[] }

describe('floor plan at phone width', { timeout: 60_000 }, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const headers = () => ({ origin: hub.url });

  beforeAll(async () => {
    buildDashboard();
    hub = await startHub();
    browser = await launchBrowser();
    ({ page } = await onboardedPage(browser, hub, errors, PHONE));
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  const item = (id: string) => page.locator(`hearth-floorplan-view .item[data-entity="${id}"]`);
  const state = async (id: string) => ((await (await page.request.get(`${hub.url}/api/entities/${id}`)).json()) as { state: unknown }).state;
  const command = (id: string, name: string) => page.request.post(`${hub.url}/api/entities/${id}/commands/${name}`, { data: {}, headers: headers() });

  it('shows the demo plan live, toggles a light on tap, moves a device in edit mode and keeps it after a reload', async () => {
    await page.goto(hub.url);
    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    // Every room of the demo house is drawn, every device placed
    await expect.poll(() => page.locator('hearth-floorplan-view polygon.room').count()).toBe(5);
    await expect.poll(() => page.locator('hearth-floorplan-view .item').count()).toBe(25);

    // Live: a change made elsewhere shows on the plan, its room tinted
    await command('light.bedroom', 'turn_off');
    await expect.poll(() => item('light.bedroom').getAttribute('aria-pressed')).toBe('false');
    await command('light.bedroom', 'turn_on');
    await expect.poll(() => item('light.bedroom').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('hearth-floorplan-view polygon.room[data-area="bedroom"]').getAttribute('class')).toContain('tint-light');

    // A tap toggles the kitchen light
    const before = await state('light.kitchen');
    await item('light.kitchen').tap();
    await expect.poll(() => state('light.kitchen')).toBe(before === 'on' ? 'off' : 'on');
    await shot(page, 'floorplan-phone');

    // Edit: drag the living room light to the middle of the kitchen, save
    await page.getByRole('button', { name: 'Edit plan' }).click();
    const stage = (await page.locator('hearth-floorplan-view .stage').boundingBox())!;
    const from = (await item('light.living_room').boundingBox())!;
    const target = { x: stage.x + stage.width * 0.65, y: stage.y + stage.height * 0.3 };
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x, target.y, { steps: 6 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Edit plan' }).count()).toBe(1);

    const saved = (await (await page.request.get(`${hub.url}/api/floorplans/ground`)).json()) as PlanLite;
    const moved = saved.items.find((i) => i.entityId === 'light.living_room')!;
    expect(moved.x).toBeCloseTo(0.65, 1);
    expect(moved.y).toBeCloseTo(0.3, 1);

    // After a reload the Home view remembers the plan, and the light is where it was dropped
    await page.reload();
    const box = (await item('light.living_room').boundingBox())!;
    const stageAfter = (await page.locator('hearth-floorplan-view .stage').boundingBox())!;
    expect((box.x + box.width / 2 - stageAfter.x) / stageAfter.width).toBeCloseTo(0.65, 1);
    expect((box.y + box.height / 2 - stageAfter.y) / stageAfter.height).toBeCloseTo(0.3, 1);
    expect(errors).toEqual([]);
  });
});

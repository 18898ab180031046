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

  it('opens Home on the demo plan, live; toggles a light on tap; uploads a background and moves a device in edit mode, kept after a reload', async () => {
    await page.goto(hub.url);
    // Nobody chose yet and the house has a plan: Home shows it first.
    await page.getByRole('button', { name: 'Plan', exact: true, pressed: true }).waitFor();
    // Every room of the demo house is drawn, every device placed
    await expect.poll(() => page.locator('hearth-floorplan-view polygon.room').count()).toBe(5);
    await expect.poll(() => page.locator('hearth-floorplan-view .item').count()).toBe(25);
    // The weather outside, from the demo's local stand-in, under the plan
    await page.locator('hearth-floorplan-view hearth-weather-card').waitFor();

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

    // Edit: a background picture — an SVG the sanitiser refuses is explained, a clean one shows under the rooms and can be removed
    await page.getByRole('button', { name: 'Edit plan' }).click();
    const picture = page.locator('hearth-floorplan-view input[type="file"]');
    const svg = (body: string) => ({ name: 'house.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(body) });
    await picture.setInputFiles(svg('<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaa">]>\n<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'));
    await expect.poll(() => page.locator('hearth-floorplan-view [role="alert"]').textContent()).toMatch(/refused SVG/);
    await picture.setInputFiles({ name: 'house.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await expect.poll(() => page.locator('hearth-floorplan-view [role="alert"]').textContent()).toMatch(/PNG, JPEG or SVG/);
    await picture.setInputFiles(svg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 12"><rect width="20" height="12" fill="#eee"/></svg>'));
    await page.locator('hearth-floorplan-view img.background').waitFor();
    await page.getByRole('button', { name: 'Remove picture' }).click();
    await page.locator('hearth-floorplan-view img.background').waitFor({ state: 'detached' });
    expect((await page.request.get(`${hub.url}/api/floorplans/ground/image`)).status()).toBe(404);

    // Drag the living room light to the middle of the kitchen, save
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

import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildDashboard, launchBrowser, shot, startHub, type RunningHub } from './harness.js';

interface EntityLite { id: string; state: unknown; attributes: Record<string, unknown> }

const OWNER = { username: 'alice', password: 'correct horse battery' };

/**
 * The cards of the newer domains (issue #17), in real Chromium against a hub running the
 * all-domains fixture: each card shows its state, and its control sends the command and
 * params the kernel's contract (core/kernel/domains.ts) expects — checked on the state the
 * fixture then reports and on the call it recorded (`lastCommand`).
 */
describe('dashboard cards for every domain', { timeout: 60_000 }, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    buildDashboard();
    hub = await startHub(join(ROOT, 'tests', 'fixtures', 'configs', 'all-domains.yaml'));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(8000);
    page.on('pageerror', (e) => errors.push(e.message));
    const res = await page.request.post(`${hub.url}/api/onboarding`, { data: OWNER, headers: { origin: hub.url } });
    if (!res.ok()) throw new Error(`onboarding answered ${res.status()}`);
    await page.goto(hub.url);
    await page.locator('hearth-alarm-card').waitFor();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  const entity = async (id: string): Promise<EntityLite> => {
    const res = await page.request.get(`${hub.url}/api/entities/${id}`);
    if (!res.ok()) throw new Error(`GET /api/entities/${id} answered ${res.status()}`);
    return (await res.json()) as EntityLite;
  };
  const stateOf = async (id: string) => (await entity(id)).state;
  const lastCommand = async (id: string) => (await entity(id)).attributes.lastCommand;
  const card = (tag: string, name?: string): Locator => (name ? page.locator(tag, { hasText: name }) : page.locator(tag));
  /** A card's text: it lives in the card's shadow root, which textContent on the host does not reach. */
  const text = (tag: string, name?: string) => card(tag, name).evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');

  it('every card renders its state', async () => {
    await expect.poll(() => text('hearth-climate-card')).toMatch(/Heat · Heating[\s\S]*20\.5°C[\s\S]*→ 21°C/);
    await expect.poll(() => text('hearth-lock-card')).toContain('Locked');
    await expect.poll(() => text('hearth-cover-card', 'Garden valve')).toContain('Closed');
    await expect.poll(() => text('hearth-fan-card')).toContain('Off');
    await expect.poll(() => text('hearth-switch-card', 'Hall siren')).toContain('Off');
    await expect.poll(() => text('hearth-button-card')).toContain('Never pressed');
    await expect.poll(() => text('hearth-number-card', 'Boiler setpoint')).toMatch(/30°C – 80°C[\s\S]*55°C/);
    await expect.poll(() => page.getByLabel('Heating programme').inputValue()).toBe('Comfort');
    await expect.poll(() => text('hearth-alarm-card')).toMatch(/Disarmed[\s\S]*Open: Kitchen window/);
    const weather = card('hearth-weather-card');
    await expect.poll(() => text('hearth-weather-card')).toMatch(/Partly cloudy · 14\.2°C[\s\S]*Humidity 70% · Wind 12 km\/h SW[\s\S]*Offline · forecast from Jan 6/);
    // The daily strip: chance of rain when known, else the amount; the hourly one is for the detail page.
    await expect.poll(() => weather.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^\s*Mon\s*Rainy\s*15°C\s*8°C\s*80%\s*$/),
      expect.stringMatching(/^\s*Tue\s*Sunny\s*18°C\s*9°C\s*$/),
      expect.stringMatching(/^\s*Wed\s*Snowy\s*2°C\s*-3°C\s*1 mm\s*$/),
    ]);
    await expect.poll(() => text('hearth-schedule-card')).toMatch(/On · until \d\d:\d\d[\s\S]*21/);
    await expect.poll(() => text('hearth-sensor-card', 'Tariff')).toContain('Off peak');
    expect(await page.getByText('Hidden chime').count()).toBe(0);
    await shot(page, 'cards-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'cards-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('text on every card meets WCAG AA contrast in the light and the dark theme', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const worst = await page.locator('hearth-home-view').evaluate(async (view) => {
        const getComputedStyle = (el: typeof view) => view.ownerDocument.defaultView!.getComputedStyle(el);
        const rgb = (c: string) => {
          const m = /^rgba?\((\d+), (\d+), (\d+)/.exec(c);
          if (!m) throw new Error(`unexpected colour ${c}`);
          return [m[1], m[2], m[3]].map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        };
        const lum = (c: string) => { const [r, g, b] = rgb(c); return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!; };
        const cards = [...view.shadowRoot!.querySelectorAll('.grid > *')];
        // Cards fade their background on a theme change: measure the colours they end on.
        type Anim = { effect: { getTiming(): { iterations?: number } } | null; finished: Promise<unknown> };
        const running: Anim[] = cards.flatMap((c) => c.shadowRoot!.getAnimations());
        await Promise.all(running.filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished));
        let min = { ratio: Infinity, what: '' };
        for (const c of cards) {
          const root = c.shadowRoot!;
          const box = root.querySelector('.card')!;
          const bg = getComputedStyle(box).backgroundColor;
          for (const el of root.querySelectorAll('.name, .state, .value, .facts, button:not(.switch):not(:disabled), select, li')) {
            const own = getComputedStyle(el).backgroundColor;
            const back = own === 'rgba(0, 0, 0, 0)' ? bg : own;
            const [a, b] = [lum(getComputedStyle(el).color), lum(back)].sort((x, y) => y - x);
            const ratio = (a! + 0.05) / (b! + 0.05);
            if (ratio < min.ratio) min = { ratio, what: `${c.tagName.toLowerCase()} ${el.className || el.tagName}` };
          }
        }
        return min;
      });
      expect(worst.ratio, `${scheme}: ${worst.what}`).toBeGreaterThanOrEqual(4.5);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('the thermostat steps its target by its step, by keyboard too, and sets mode and preset', async () => {
    await page.getByRole('button', { name: 'Raise Thermostat target' }).click();
    await expect.poll(async () => (await entity('climate.thermostat')).attributes.targetTemperature).toBe(21.5);
    await page.getByRole('button', { name: 'Lower Thermostat target' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await entity('climate.thermostat')).attributes.targetTemperature).toBe(21);
    await expect.poll(() => text('hearth-climate-card')).toContain('→ 21°C');
    await page.getByLabel('Thermostat mode').selectOption('cool');
    await expect.poll(() => stateOf('climate.thermostat')).toBe('cool');
    await page.getByLabel('Thermostat preset').selectOption('eco');
    await expect.poll(() => lastCommand('climate.thermostat')).toEqual({ command: 'set_preset', params: { preset: 'eco' } });
  });

  it('the lock asks before unlocking or opening, and locks at once', async () => {
    await page.getByRole('button', { name: 'Unlock Front door' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await stateOf('lock.front_door')).toBe('locked');
    await page.getByRole('button', { name: 'Unlock Front door' }).click();
    // The question takes the focus, so a keyboard user answers it next.
    await expect.poll(() => card('hearth-lock-card').evaluate((c) => c.shadowRoot?.activeElement?.textContent)).toBe('Unlock');
    await page.getByRole('button', { name: 'Confirm: unlock Front door' }).click();
    await expect.poll(() => stateOf('lock.front_door')).toBe('unlocked');
    await page.getByRole('button', { name: 'Open Front door' }).click();
    await page.getByRole('button', { name: 'Confirm: open Front door' }).click();
    await expect.poll(() => lastCommand('lock.front_door')).toEqual({ command: 'open', params: {} });
    await page.getByRole('button', { name: 'Lock Front door' }).click();
    await expect.poll(() => stateOf('lock.front_door')).toBe('locked');
    await expect.poll(() => text('hearth-lock-card')).toContain('Locked');
  });

  it('the valve opens, takes a position and closes', async () => {
    await page.getByRole('button', { name: 'Open Garden valve' }).click();
    await expect.poll(() => stateOf('valve.garden')).toBe('open');
    await page.getByLabel('Garden valve position').fill('40');
    await expect.poll(() => lastCommand('valve.garden')).toEqual({ command: 'set_position', params: { position: 40 } });
    await expect.poll(() => text('hearth-cover-card', 'Garden valve')).toContain('Open · 40%');
    await page.getByRole('button', { name: 'Close Garden valve' }).click();
    await expect.poll(() => stateOf('valve.garden')).toBe('closed');
  });

  it('the fan and the siren switch, and the fan takes a speed', async () => {
    await page.getByRole('switch', { name: 'Bathroom fan power' }).click();
    await expect.poll(() => stateOf('fan.bathroom')).toBe('on');
    await page.getByLabel('Bathroom fan speed').fill('70');
    await expect.poll(() => lastCommand('fan.bathroom')).toEqual({ command: 'set_percentage', params: { percentage: 70 } });
    await expect.poll(() => text('hearth-fan-card')).toContain('On · 70%');
    const siren = page.getByRole('switch', { name: 'Hall siren power' });
    await siren.click();
    await expect.poll(() => stateOf('siren.hall')).toBe('on');
    await siren.click();
    await expect.poll(() => stateOf('siren.hall')).toBe('off');
  });

  it('the button presses and says when', async () => {
    await page.getByRole('button', { name: 'Press Doorbell test' }).click();
    await expect.poll(() => stateOf('button.doorbell_test')).toMatch(/^\d{4}-\d\d-\d\dT/);
    await expect.poll(() => text('hearth-button-card')).toContain('Pressed just now');
  });

  it('a number is set by its slider or, in box mode, its field (kept inside min…max)', async () => {
    await page.getByLabel('Boiler setpoint').fill('65');
    await expect.poll(() => stateOf('number.boiler_setpoint')).toBe(65);
    const box = page.getByLabel('Ventilation delay (s)');
    await box.fill('90');
    await box.press('Enter');
    await expect.poll(() => stateOf('number.ventilation_delay')).toBe(90);
    await box.fill('900');
    await box.press('Enter');
    await expect.poll(() => lastCommand('number.ventilation_delay')).toEqual({ command: 'set_value', params: { value: 600 } });
  });

  it('a select picks an option', async () => {
    await page.getByLabel('Heating programme').selectOption('Eco');
    await expect.poll(() => stateOf('select.heating_programme')).toBe('Eco');
  });

  it('the alarm keypad arms with the code, refuses a wrong one and disarms', async () => {
    const alarm = card('hearth-alarm-card');
    expect(await alarm.getByRole('button', { name: 'Arm away' }).isDisabled()).toBe(true);
    for (const d of '1234') await alarm.getByRole('button', { name: d, exact: true }).click();
    expect(await page.getByLabel('House alarm code').inputValue()).toBe('1234');
    await alarm.getByRole('button', { name: 'Arm away' }).click();
    await expect.poll(() => stateOf('alarm_control_panel.house')).toBe('armed_away');
    expect(await lastCommand('alarm_control_panel.house')).toEqual({ command: 'arm_away', params: { code: '1234' } });
    await expect.poll(() => text('hearth-alarm-card')).toMatch(/Armed away[\s\S]*Changed by keypad/);
    expect(await page.getByLabel('House alarm code').inputValue()).toBe('');

    await page.getByLabel('House alarm code').pressSequentially('9999');
    await alarm.getByRole('button', { name: 'Disarm' }).click();
    await page.getByRole('alert').filter({ hasText: 'wrong code' }).waitFor();
    expect(await stateOf('alarm_control_panel.house')).toBe('armed_away');
    await page.getByLabel('House alarm code').pressSequentially('1234');
    await alarm.getByRole('button', { name: 'Disarm' }).click();
    await expect.poll(() => stateOf('alarm_control_panel.house')).toBe('disarmed');
    await shot(page, 'cards-after');
  });

  it('the cards fit a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(page, 'cards-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("an entity's detail page carries the same control", async () => {
    await page.getByRole('link', { name: 'Front door' }).click();
    const control = page.locator('hearth-entity-view hearth-lock-card');
    await control.waitFor();
    // A lock's words are not two levels to plot: its history is the logbook.
    expect(await page.locator('hearth-entity-view .chart').count()).toBe(0);
    await control.getByRole('button', { name: 'Unlock Front door' }).click();
    await control.getByRole('button', { name: 'Confirm: unlock Front door' }).click();
    await expect.poll(() => stateOf('lock.front_door')).toBe('unlocked');
    await shot(page, 'cards-detail');
    await page.getByRole('link', { name: 'Home' }).click();
    // A thermostat's detail charts its temperatures with heating in one chart.
    await page.getByRole('link', { name: 'Thermostat', exact: true }).click();
    await expect.poll(() => page.locator('hearth-entity-view .chart .u-legend').textContent()).toMatch(/Current[\s\S]*Target[\s\S]*Heating/);
    await shot(page, 'climate-detail');
    await page.getByRole('link', { name: 'Home' }).click();
    // The weather's detail adds the hourly forecast to the daily strip.
    await page.getByRole('link', { name: 'Home weather' }).click();
    const hourly = page.locator('hearth-entity-view hearth-weather-card').getByRole('list', { name: 'Home weather hourly forecast' });
    await expect.poll(() => hourly.getByRole('listitem').count()).toBe(3);
    expect(await hourly.getByRole('listitem').first().textContent()).toMatch(/Rainy\s*14°C\s*70%/);
    await shot(page, 'weather-detail');
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    expect(errors).toEqual([]);
  });
});

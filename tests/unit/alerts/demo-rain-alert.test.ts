import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAlerts } from '../../../core/alerts/index.js';
import { silentLogger } from '../../../core/log.js';
import { nextTrace, startEngine, tempDatabase, testHome } from '../automation/harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The demo house's own rule, read from examples/demo-automations.yaml as the demo loads it. */
const demo = (parse(readFileSync(new URL('../../../examples/demo-automations.yaml', import.meta.url), 'utf8')) as { id: string }[]).find(
  (a) => a.id === 'rain_with_window_open',
)!;

describe('demo: rain with the kitchen window open', () => {
  it('raises a warning on the window when rain starts while it is open, and nothing while it is shut', async () => {
    const home = testHome();
    for (const id of ['binary_sensor.garden_rain', 'binary_sensor.kitchen_window']) {
      home.kernel.states.init(home.kernel.registry.add({ id, owner: 'test' }));
      home.set(id, 'off');
    }
    const tmp = tempDatabase();
    const database = tmp.open();
    const alerts = createAlerts({ database, bus: home.kernel.bus, log: silentLogger(), notifier: { send: () => {} } });
    await alerts.start();
    const engine = await startEngine(home.kernel, database, { alerts });
    cleanups.push(tmp.cleanup, () => database.close(), () => alerts.stop(), () => engine.stop());
    await engine.create(demo);

    let traced = nextTrace(home.kernel, demo.id);
    home.set('binary_sensor.garden_rain', 'on');
    expect((await traced).outcome).not.toBe('completed');
    expect(alerts.list({ status: 'open', limit: 10 }).alerts).toEqual([]);

    home.set('binary_sensor.garden_rain', 'off');
    home.set('binary_sensor.kitchen_window', 'on');
    traced = nextTrace(home.kernel, demo.id);
    home.set('binary_sensor.garden_rain', 'on');
    expect((await traced).outcome).toBe('completed');
    expect(alerts.list({ status: 'open', limit: 10 }).alerts).toMatchObject([
      { severity: 'warning', title: 'Rain with the kitchen window open', entityId: 'binary_sensor.kitchen_window', source: 'automation:rain_with_window_open' },
    ]);
  });
});

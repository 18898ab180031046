import { afterEach, describe, expect, it } from 'vitest';
import { createAlerts } from '../../../core/alerts/index.js';
import { automationSchema } from '../../../core/automation/definition.js';
import { silentLogger } from '../../../core/log.js';
import type { Notification } from '../../../core/notify/types.js';
import { nextTrace, startEngine, tempDatabase, testHome } from '../automation/harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const motionAlert = {
  id: 'intruder',
  triggers: [{ type: 'state', entity: 'binary_sensor.motion', to: 'on' }],
  actions: [
    { alert: { severity: 'critical', title: 'Motion at {{ trigger.entity }}', message: 'now {{ trigger.to }}', entity: '{{ trigger.entity }}', notify: ['phone'], repeatEveryS: 600 } },
  ],
};

describe('the alert action', () => {
  it('raises an alert as automation:<id> with its templates filled in, hands it to the notifier, and a second run folds into it', async () => {
    const home = testHome();
    const tmp = tempDatabase();
    const database = tmp.open();
    const sent: { channels: readonly string[] | undefined; n: Notification }[] = [];
    const alerts = createAlerts({ database, bus: home.kernel.bus, log: silentLogger(), notifier: { send: (channels, n) => void sent.push({ channels, n }) } });
    await alerts.start();
    const engine = await startEngine(home.kernel, database, { alerts });
    cleanups.push(tmp.cleanup, () => database.close(), () => alerts.stop(), () => engine.stop());
    await engine.create(motionAlert);

    const traced = nextTrace(home.kernel, 'intruder');
    home.set('binary_sensor.motion', 'on');
    const trace = await traced;
    expect(trace.outcome).toBe('completed');
    const [alert] = alerts.list({ status: 'open', limit: 10 }).alerts;
    expect(alert).toMatchObject({
      severity: 'critical',
      title: 'Motion at binary_sensor.motion',
      message: 'now on',
      entityId: 'binary_sensor.motion',
      source: 'automation:intruder',
      notify: ['phone'],
      repeatEveryS: 600,
    });
    expect(trace.steps[0]).toMatchObject({ action: 'alert', result: { alertId: alert!.id } });
    expect(sent).toEqual([{ channels: ['phone'], n: expect.objectContaining({ title: 'Motion at binary_sensor.motion', alertId: alert!.id }) }]);

    home.set('binary_sensor.motion', 'off');
    const again = nextTrace(home.kernel, 'intruder');
    home.set('binary_sensor.motion', 'on');
    expect((await again).steps[0]!.result).toEqual({ alertId: alert!.id, count: 2 });
    expect(sent).toHaveLength(1);
  });

  it('is checked when the automation is saved: severity, a title, entity and repeat are named when wrong', () => {
    const bad = automationSchema.safeParse({
      ...motionAlert,
      actions: [{ alert: { severity: 'fatal', title: '', entity: 'Front door', repeatEveryS: 1, colour: 'red' } }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    for (const key of ['severity', 'title', 'entity', 'repeatEveryS']) expect(paths).toContain(`actions.0.alert.${key}`);
    expect(bad.error!.issues.map((i) => i.message).join(' ')).toMatch(/colour/);
  });
});

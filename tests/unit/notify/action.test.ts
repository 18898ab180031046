import { afterEach, expect, it } from 'vitest';
import type { AutomationEngine } from '../../../core/automation/index.js';
import { notifySchema } from '../../../core/config/index.js';
import type { DatabaseHandle } from '../../../core/db/index.js';
import { silentLogger } from '../../../core/log.js';
import { createNotifier, createUserTargetStore, type NotifyService } from '../../../core/notify/index.js';
import { startEngine, tempDatabase, testHome } from '../automation/harness.js';
import { httpStandIn } from './servers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('an automation notifies with its trigger filled in, and its run ends while the channel is still failing', async () => {
  const server = await httpStandIn();
  cleanups.push(server.close);
  server.answer(500);
  const home = testHome();
  const tmp = tempDatabase();
  const database: DatabaseHandle = tmp.open();
  const notifier: NotifyService = createNotifier({
    channels: notifySchema.parse([{ id: 'hook', type: 'webhook', url: server.url, retry: { minS: 60 } }]),
    bus: home.kernel.bus,
    log: silentLogger(),
    users: { list: () => [] },
    targets: createUserTargetStore(database.sqlite),
    env: {},
  });
  const engine: AutomationEngine = await startEngine(home.kernel, database, { notifier });
  cleanups.push(async () => {
    await engine.stop();
    await notifier.stop();
    database.close();
    tmp.cleanup();
  });
  const shown: string[] = [];
  home.kernel.bus.on('notification', ({ notification }) => shown.push(notification.title));
  engine.create({
    id: 'motion_notice',
    triggers: [{ type: 'state', entity: 'binary_sensor.motion', to: 'on' }],
    actions: [
      { notify: { channels: ['hook', 'dashboard'], title: 'Motion: {{ trigger.entity }}', message: 'went {{ trigger.to }}', severity: 'warning' } },
      { command: 'turn_on', entity: 'light.hall' },
    ],
  });
  const traced = new Promise<unknown>((resolve) => home.kernel.bus.on('automation_trace', ({ trace }) => resolve(trace)));
  home.set('binary_sensor.motion', 'on');
  const trace = (await traced) as { outcome: string; steps: { action: string; result?: unknown }[] };
  expect(trace.outcome).not.toBe('error');
  expect(trace.steps[0]).toMatchObject({ action: 'notify', result: { notified: ['hook', 'dashboard'], title: 'Motion: binary_sensor.motion' } });
  expect(home.calls.map((c) => c.entityId)).toEqual(['light.hall']);
  expect(shown).toEqual(['Motion: binary_sensor.motion']);
  const [request] = await server.requests(1);
  expect(JSON.parse(request!.body)).toMatchObject({ title: 'Motion: binary_sensor.motion', message: 'went on', severity: 'warning' });
});

it('the schema refuses a notify step without a title', async () => {
  const { automationSchema } = await import('../../../core/automation/index.js');
  const parsed = automationSchema.safeParse({ id: 'x', triggers: [{ type: 'event', event: 'e' }], actions: [{ notify: { message: 'm' } }] });
  expect(parsed.success).toBe(false);
  expect(JSON.stringify(parsed.error?.issues)).toContain('title');
});

import { expect, it } from 'vitest';
import { createWsFanout } from '../../../core/api/ws/fanout.js';
import { DEFAULT_WS_OPTIONS, createWsSession } from '../../../core/api/ws/session.js';
import { createKernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createNotifier, createUserTargetStore } from '../../../core/notify/index.js';
import { openDatabase } from '../../../core/db/index.js';

it('subscribe_notifications streams each dashboard notification to every session until unsubscribed', () => {
  const kernel = createKernel(silentLogger());
  const database = openDatabase(':memory:');
  const notifier = createNotifier({ channels: [], bus: kernel.bus, log: silentLogger(), users: { list: () => [] }, targets: createUserTargetStore(database.sqlite), env: {} });
  const fanout = createWsFanout({ kernel, options: DEFAULT_WS_OPTIONS });
  const sessions = ['alice', 'bob'].map((username, i) => {
    const sent: Record<string, any>[] = [];
    const s = createWsSession({
      kernel,
      fanout,
      address: '10.0.0.2',
      user: { id: `u${i}`, username, role: 'member' },
      authenticate: () => undefined,
      send: (text) => sent.push(JSON.parse(text) as Record<string, unknown>),
      close: () => {},
      bufferedAmount: () => 0,
    });
    s.receive(JSON.stringify({ id: 3, type: 'subscribe_notifications' }));
    expect(sent.at(-1)).toEqual({ id: 3, type: 'result', success: true });
    sent.length = 0;
    return { s, sent };
  });

  notifier.send(undefined, { title: 'Rain', message: 'The skylight is open', severity: 'warning', entity: 'binary_sensor.skylight' });
  notifier.send(['dashboard'], { title: 'Duress', message: 'm', severity: 'critical', silent: true });
  for (const { sent } of sessions) {
    expect(sent).toEqual([{ id: 3, type: 'event', event: { notification: { title: 'Rain', message: 'The skylight is open', severity: 'warning', entity: 'binary_sensor.skylight', id: expect.any(String), at: expect.any(String) } } }]);
  }

  sessions[0]!.s.receive(JSON.stringify({ id: 4, type: 'unsubscribe', subscription: 3 }));
  sessions[0]!.sent.length = 0;
  notifier.send(['dashboard'], { title: 'Later', message: 'm', severity: 'info' });
  expect(sessions[0]!.sent).toEqual([]);
  expect(sessions[1]!.sent.at(-1)).toMatchObject({ event: { notification: { title: 'Later' } } });
  database.close();
});

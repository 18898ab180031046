import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWsFanout } from '../../../core/api/ws/fanout.js';
import { DEFAULT_WS_OPTIONS, createWsSession } from '../../../core/api/ws/session.js';
import { alertsHome, type AlertsHome } from './harness.js';

type Msg = Record<string, unknown> & { event?: Record<string, any> };
let home: AlertsHome;
beforeEach(async () => {
  home = await alertsHome();
});
afterEach(() => home.close());

function session(fanout: ReturnType<typeof createWsFanout>) {
  const sent: Msg[] = [];
  const s = createWsSession({
    kernel: home.kernel,
    fanout,
    address: '10.0.0.2',
    user: { id: 'u1', username: 'alice', role: 'member' },
    authenticate: () => undefined,
    send: (text) => sent.push(JSON.parse(text) as Msg),
    close: () => {},
    bufferedAmount: () => 0,
  });
  return { s, sent, send: (m: Record<string, unknown>) => s.receive(JSON.stringify(m)) };
}

describe('WebSocket subscribe_alerts', () => {
  it('answers with the open count, then streams raised, updated and acknowledged alerts with the count; silent ones never; none after unsubscribe', () => {
    home.alerts.raise({ title: 'Already open' }, 'hub');
    const fanout = createWsFanout({ kernel: home.kernel, options: DEFAULT_WS_OPTIONS, openAlerts: () => home.alerts.openCount() });
    const { sent, send } = session(fanout);
    send({ id: 7, type: 'subscribe_alerts' });
    expect(sent.slice(-2)).toEqual([
      { id: 7, type: 'result', success: true },
      { id: 7, type: 'event', event: { open: 1 } },
    ]);
    sent.length = 0;

    const door = home.alerts.raise({ severity: 'critical', title: 'Front door', entity: 'binary_sensor.front_door' }, 'alarm');
    home.alerts.raise({ severity: 'critical', title: 'Front door', entity: 'binary_sensor.front_door' }, 'alarm');
    home.alerts.raise({ severity: 'critical', title: 'Duress', silent: true }, 'alarm');
    home.alerts.acknowledge(door.id, 'u1', 'seen');
    expect(sent.map((m) => [Object.keys(m.event!).find((k) => k !== 'open'), m.event!.open])).toEqual([
      ['raised', 2],
      ['updated', 2],
      ['acknowledged', 1],
    ]);
    expect(sent[0]!.event!.raised).toEqual(door);
    expect(sent[2]!.event!.acknowledged).toMatchObject({ id: door.id, acknowledgedBy: 'alice', note: 'seen' });

    send({ id: 8, type: 'unsubscribe', subscription: 7 });
    sent.length = 0;
    home.alerts.raise({ title: 'Later' }, 'hub');
    expect(sent).toEqual([]);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../../core/errors.js';
import { createContext } from '../../../core/kernel/index.js';
import { alertsHome, type AlertsHome } from './harness.js';

let home: AlertsHome | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await home?.close();
  home = undefined;
});

const door = { severity: 'critical', title: 'Front door open', message: 'while armed', entity: 'binary_sensor.front_door' } as const;

describe('raising', () => {
  it('stores the alert, notifies its channels once and writes the raise to the logbook with its cause', async () => {
    home = await alertsHome();
    const live: unknown[] = [];
    home.kernel.bus.on('alert_raised', (e) => live.push(e));
    const context = createContext({ automationId: 'night' });
    const alert = home.alerts.raise({ ...door, notify: ['phone'] }, 'automation:night', context);
    expect(live).toEqual([{ alert, context }]);
    expect(alert).toMatchObject({ severity: 'critical', title: 'Front door open', entityId: 'binary_sensor.front_door', source: 'automation:night', status: 'open', count: 1, notify: ['phone'] });
    expect(home.sent).toEqual([{ channels: ['phone'], n: { title: 'Front door open', message: 'while armed', severity: 'critical', entity: 'binary_sensor.front_door', alertId: alert.id, url: '/alerts' } }]);
    expect(home.audits).toEqual([expect.objectContaining({ action: 'alert.raised', target: 'binary_sensor.front_door', context })]);
    expect(home.alerts.get(alert.id)).toEqual(alert);
  });

  it('folds an identical open alert from the same source and entity into the first: count and lastSeenAt move, nobody is notified again', async () => {
    let now = Date.parse('2026-12-06T10:00:00Z');
    home = await alertsHome({ now: () => now });
    const updates: number[] = [];
    home.kernel.bus.on('alert_updated', ({ alert }) => updates.push(alert.count));
    const first = home.alerts.raise(door, 'alarm');
    now += 60_000;
    const again = home.alerts.raise(door, 'alarm');
    expect(again).toMatchObject({ id: first.id, count: 2, raisedAt: '2026-12-06T10:00:00.000Z', lastSeenAt: '2026-12-06T10:01:00.000Z' });
    expect(updates).toEqual([2]);
    expect(home.sent).toHaveLength(1);
    // Another source, another entity or another title is another alert
    expect(home.alerts.raise(door, 'hub').id).not.toBe(first.id);
    expect(home.alerts.raise({ ...door, entity: 'binary_sensor.back_door' }, 'alarm').id).not.toBe(first.id);
    expect(home.alerts.raise({ ...door, title: 'Smoke' }, 'alarm').id).not.toBe(first.id);
    // Once acknowledged, the same alert is raised anew
    home.alerts.acknowledge(first.id, 'u1');
    expect(home.alerts.raise(door, 'alarm')).toMatchObject({ count: 1, status: 'open' });
    expect(home.alerts.list({ status: 'all', limit: 50 }).alerts).toHaveLength(5);
  });

  it('refuses bad input with every problem named', async () => {
    home = await alertsHome();
    const bad = () => home!.alerts.raise({ severity: 'fatal' as 'info', title: '', entity: 'Front Door' }, 'hub');
    expect(bad).toThrow(ValidationError);
    expect(bad).toThrow(/severity.*title.*entity/s);
    expect(home.sent).toEqual([]);
  });

  it('a silent alert reaches the notifier flagged silent but raises no live event', async () => {
    home = await alertsHome();
    const live: unknown[] = [];
    home.kernel.bus.on('alert_raised', (e) => live.push(e));
    const alert = home.alerts.raise({ severity: 'critical', title: 'Duress code used', silent: true, notify: ['phone'] }, 'alarm');
    expect(live).toEqual([]);
    expect(home.sent[0]!.n).toMatchObject({ silent: true, alertId: alert.id });
    expect(home.alerts.openCount()).toBe(0);
  });
});

describe('acknowledging', () => {
  it('records who, when and the note; twice is a conflict, an unknown id not found', async () => {
    const now = Date.parse('2026-12-06T11:00:00Z');
    home = await alertsHome({ now: () => now });
    const alert = home.alerts.raise(door, 'alarm');
    const context = createContext({ userId: 'u1' });
    const acked = home.alerts.acknowledge(alert.id, 'u1', 'checked, the dog', context);
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedAt: '2026-12-06T11:00:00.000Z', acknowledgedBy: 'alice', note: 'checked, the dog' });
    expect(home.audits.at(-1)).toMatchObject({ action: 'alert.acknowledged', context: { userId: 'u1' }, details: { alertId: alert.id, note: 'checked, the dog' } });
    expect(() => home!.alerts.acknowledge(alert.id, 'u1')).toThrow(ConflictError);
    expect(() => home!.alerts.acknowledge(9999, 'u1')).toThrow(NotFoundError);
  });
});

describe('repeating notifications', () => {
  it('sends again every repeatEveryS while open and stops once acknowledged', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-06T12:00:00Z') });
    home = await alertsHome();
    const alert = home.alerts.raise({ ...door, repeatEveryS: 300 }, 'alarm');
    await vi.advanceTimersByTimeAsync(299_000);
    expect(home.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(home.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(home.sent).toHaveLength(4);
    expect(home.sent.every((s) => s.n.alertId === alert.id)).toBe(true);
    home.alerts.acknowledge(alert.id, 'u1');
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(home.sent).toHaveLength(4);
  });

  it('resumes after a restart from the last notification, neither skipping nor doubling one', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-06T12:00:00Z') });
    home = await alertsHome();
    home.alerts.raise({ ...door, repeatEveryS: 600 }, 'alarm');
    await vi.advanceTimersByTimeAsync(700_000); // one repeat at +600 s
    expect(home.sent).toHaveLength(2);
    home = await home.reopen();
    // The next is due at +1200 s: 500 s after the restart
    await vi.advanceTimersByTimeAsync(499_000);
    expect(home.sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(home.sent).toHaveLength(1);
  });
});

describe('listing', () => {
  it('pages newest first with a cursor and filters by status, severity and entity', async () => {
    home = await alertsHome();
    for (let i = 0; i < 5; i++) home.alerts.raise({ severity: i % 2 ? 'warning' : 'info', title: `t${i}`, entity: i < 2 ? 'sensor.a' : 'sensor.b' }, 'hub');
    const first = home.alerts.list({ status: 'all', limit: 2 });
    expect(first.alerts.map((a) => a.title)).toEqual(['t4', 't3']);
    const second = home.alerts.list({ status: 'all', limit: 2, before: first.next! });
    expect(second.alerts.map((a) => a.title)).toEqual(['t2', 't1']);
    const last = home.alerts.list({ status: 'all', limit: 2, before: second.next! });
    expect(last.alerts.map((a) => a.title)).toEqual(['t0']);
    expect(last.next).toBeUndefined();
    home.alerts.acknowledge(first.alerts[0]!.id, 'u1');
    expect(home.alerts.list({ status: 'open', limit: 10 }).alerts.map((a) => a.title)).toEqual(['t3', 't2', 't1', 't0']);
    expect(home.alerts.list({ status: 'acknowledged', limit: 10 }).alerts.map((a) => a.title)).toEqual(['t4']);
    expect(home.alerts.list({ status: 'all', severity: ['warning'], limit: 10 }).alerts.map((a) => a.title)).toEqual(['t3', 't1']);
    expect(home.alerts.list({ status: 'all', entityId: 'sensor.a', limit: 10 }).alerts.map((a) => a.title)).toEqual(['t1', 't0']);
    expect(home.alerts.list({ status: 'all', limit: 10 }).open).toBe(4);
  });
});

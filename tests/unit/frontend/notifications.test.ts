import { expect, it } from 'vitest';
import type { DashboardNotification } from '../../../frontend/src/api/types.js';
import { storedNotifications, storeNotifications, withNotification, withoutNotification } from '../../../frontend/src/lib/notifications.js';

const note = (id: string): DashboardNotification => ({ id, at: '2026-12-06T10:00:00.000Z', title: `t${id}`, message: 'm', severity: 'info' });

it('keeps the newest 20 notifications, newest first, each once, until dismissed', () => {
  let list: DashboardNotification[] = [];
  for (let i = 0; i < 25; i++) list = withNotification(list, note(String(i)));
  list = withNotification(list, note('24'));
  expect(list).toHaveLength(20);
  expect(list[0]!.id).toBe('24');
  expect(list.at(-1)!.id).toBe('5');
  expect(withoutNotification(list, '24').map((n) => n.id)).not.toContain('24');
});

it('survives a reload through storage, and ignores what it cannot read', () => {
  const items = new Map<string, string>();
  const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
  storeNotifications([note('a')], storage);
  expect(storedNotifications(storage)).toEqual([note('a')]);
  items.set('hearth.notifications', '{broken');
  expect(storedNotifications(storage)).toEqual([]);
  items.set('hearth.notifications', JSON.stringify([{ nope: 1 }, note('b')]));
  expect(storedNotifications(storage)).toEqual([note('b')]);
});

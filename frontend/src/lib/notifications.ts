import type { DashboardNotification } from '../api/types.js';

/** Kept in this browser until dismissed here: each browser dismisses for itself. */
const KEY = 'hearth.notifications';
const KEPT = 20;

/** What the functions use of `localStorage`. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function storedNotifications(storage: Pick<KeyValueStore, 'getItem'>): DashboardNotification[] {
  try {
    const list: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? (list as DashboardNotification[]).filter((n) => typeof n?.id === 'string' && typeof n.title === 'string') : [];
  } catch {
    return [];
  }
}

/** Newest first; the oldest beyond 20 go, so a chatty automation cannot bury the screen. */
export function withNotification(list: readonly DashboardNotification[], n: DashboardNotification): DashboardNotification[] {
  return [n, ...list.filter((x) => x.id !== n.id)].slice(0, KEPT);
}

export function withoutNotification(list: readonly DashboardNotification[], id: string): DashboardNotification[] {
  return list.filter((n) => n.id !== id);
}

export function storeNotifications(list: readonly DashboardNotification[], storage: Pick<KeyValueStore, 'setItem'>): void {
  try {
    storage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Private browsing or a full quota: the toasts still show until the page reloads.
  }
}

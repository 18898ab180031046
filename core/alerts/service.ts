import type { Logger } from 'pino';
import type { DatabaseHandle } from '../db/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { createContext, type Context, type EventBus } from '../kernel/index.js';
import type { Notifier } from '../notify/types.js';
import type { Service } from '../service.js';
import './events.js';
import { statsWindow, tallyAlerts, type AlertStats, type StatsPeriod } from './stats.js';
import { createAlertStore, type AlertRow, type ListFilter } from './store.js';
import { alertRaiseSchema, type Alert, type AlertRaise, type AlertSource } from './types.js';

export interface AlertsDeps {
  database: DatabaseHandle;
  bus: EventBus;
  log: Logger;
  notifier: Notifier;
  timezone?: string;
  now?: () => number;
  /** So an acknowledged alert says "alice" rather than a user id. */
  resolveUserName?: (userId: string) => string | undefined;
}

export interface AlertPage {
  /** Newest first. */
  alerts: Alert[];
  /** Pass as `before` for the next page; absent on the last one. */
  next?: number;
  /** Open alerts shown live (the dashboard's badge). */
  open: number;
}

export interface Alerts extends Service {
  /** Validates (400 on bad input), then raises or folds into an identical open alert; returns the alert either way. */
  raise(input: AlertRaise, source: AlertSource, context?: Context): Alert;
  /** 404 unknown, 409 already acknowledged. */
  acknowledge(id: number, userId: string, note?: string, context?: Context): Alert;
  /** A silent (duress) alert only with `includeSilent`: someone made to open the dashboard must not find it. */
  get(id: number, includeSilent?: boolean): Alert;
  list(filter: ListFilter): AlertPage;
  stats(period: StatsPeriod, start?: number, end?: number): AlertStats;
  openCount(): number;
}

/**
 * Alerts (core/alerts): stored in SQLite, deduplicated while open, handed to the
 * notifier when raised and every `repeatEveryS` until acknowledged (timers re-armed
 * from the stored last notification at start, so a restart neither skips nor doubles one).
 */
export function createAlerts(deps: AlertsDeps): Alerts {
  const { bus, log, notifier } = deps;
  const now = deps.now ?? Date.now;
  const store = createAlertStore(deps.database);
  const repeats = new Map<number, ReturnType<typeof setTimeout>>();
  let running = false;

  const present = (row: AlertRow): Alert => {
    const by = row.acknowledgedBy;
    return {
      id: row.id,
      severity: row.severity,
      title: row.title,
      message: row.message,
      ...(row.entityId !== null && { entityId: row.entityId }),
      source: row.source,
      status: row.acknowledgedAt === null ? 'open' : 'acknowledged',
      raisedAt: new Date(row.raisedAt).toISOString(),
      lastSeenAt: new Date(row.lastSeenAt).toISOString(),
      count: row.count,
      ...(row.notify !== null && { notify: JSON.parse(row.notify) as string[] }),
      ...(row.repeatEveryS !== null && { repeatEveryS: row.repeatEveryS }),
      ...(row.silent && { silent: true }),
      ...(row.acknowledgedAt !== null && { acknowledgedAt: new Date(row.acknowledgedAt).toISOString() }),
      ...(by !== null && { acknowledgedBy: deps.resolveUserName?.(by) ?? by }),
      ...(row.note !== null && { note: row.note }),
    };
  };

  function notify(row: AlertRow): void {
    try {
      notifier.send(row.notify === null ? undefined : (JSON.parse(row.notify) as string[]), {
        title: row.title,
        message: row.message,
        severity: row.severity,
        alertId: row.id,
        url: '/alerts',
        ...(row.entityId !== null && { entity: row.entityId }),
        ...(row.silent && { silent: true }),
      });
    } catch (err) {
      log.error({ err, alert: row.id }, 'the notifier failed');
    }
  }

  function scheduleRepeat(row: AlertRow): void {
    if (!running || row.repeatEveryS === null) return;
    const wait = Math.max(0, row.notifiedAt + row.repeatEveryS * 1000 - now());
    const timer = setTimeout(() => {
      repeats.delete(row.id);
      const current = store.get(row.id);
      if (!current || current.acknowledgedAt !== null) return;
      notify(current);
      const at = now();
      store.notified(row.id, at);
      scheduleRepeat({ ...current, notifiedAt: at });
    }, wait);
    timer.unref?.();
    repeats.set(row.id, timer);
  }

  function get(id: number): AlertRow {
    const row = store.get(id);
    if (!row) throw new NotFoundError(`no alert ${id}`);
    return row;
  }

  return {
    name: 'alerts',
    async start() {
      running = true;
      for (const row of store.openRepeating()) scheduleRepeat(row);
    },
    async stop() {
      running = false;
      for (const timer of repeats.values()) clearTimeout(timer);
      repeats.clear();
    },
    raise(input, source, context = createContext()) {
      const parsed = alertRaiseSchema.safeParse(input);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new ValidationError(`invalid alert: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`, issues);
      }
      const alert = parsed.data;
      const at = now();
      const duplicate = store.openDuplicate(source, alert.entity, alert.title);
      if (duplicate) {
        const updated = present(store.seenAgain(duplicate.id, at));
        if (!duplicate.silent) bus.emit('alert_updated', { alert: updated });
        return updated;
      }
      const row = store.insert(alert, source, at);
      const raised = present(row);
      log.info({ alert: row.id, severity: row.severity, source, entity: row.entityId ?? undefined }, `alert: ${row.title}`);
      bus.emit('audit', {
        action: 'alert.raised',
        outcome: 'ok',
        context,
        ...(row.entityId !== null && { target: row.entityId }),
        details: { alertId: row.id, severity: row.severity, title: row.title, source },
      });
      if (!row.silent) bus.emit('alert_raised', { alert: raised, context });
      notify(row);
      scheduleRepeat(row);
      return raised;
    },
    acknowledge(id, userId, note, context = createContext({ userId })) {
      const row = get(id);
      if (row.acknowledgedAt !== null) throw new ConflictError(`alert ${id} was already acknowledged at ${new Date(row.acknowledgedAt).toISOString()}`);
      const acked = store.acknowledge(id, userId, note, now());
      if (!acked) throw new ConflictError(`alert ${id} was already acknowledged`);
      clearTimeout(repeats.get(id));
      repeats.delete(id);
      const alert = present(acked);
      bus.emit('audit', {
        action: 'alert.acknowledged',
        outcome: 'ok',
        context,
        ...(acked.entityId !== null && { target: acked.entityId }),
        details: { alertId: id, title: acked.title, ...(note !== undefined && { note }) },
      });
      if (!acked.silent) bus.emit('alert_acknowledged', { alert, context });
      return alert;
    },
    get(id, includeSilent = false) {
      const row = get(id);
      if (row.silent && !includeSilent) throw new NotFoundError(`no alert ${id}`);
      return present(row);
    },
    list(filter) {
      // One more than asked tells whether another page follows.
      const rows = store.list({ ...filter, limit: filter.limit + 1 });
      const page = rows.slice(0, filter.limit);
      return { alerts: page.map(present), ...(rows.length > filter.limit && { next: page[page.length - 1]!.id }), open: store.openCount() };
    },
    stats(period, start, end) {
      const window = statsWindow(period, now(), start, end);
      if (window.endMs <= window.startMs) throw new ValidationError('end must be after start');
      return tallyAlerts(store.raisedBetween(window.startMs, window.endMs), window, deps.timezone);
    },
    openCount: () => store.openCount(),
  };
}

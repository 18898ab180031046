/**
 * The hub's own alerts (source `hub`): a plugin that failed for good, a disk nearly full,
 * a sensor unavailable for longer than configured. Each only raises; dedupe keeps one
 * open alert per cause however often it recurs.
 */
import { statfs } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { EventBus, StateStore } from '../kernel/index.js';
import type { Service } from '../service.js';
import type { Alerts } from './service.js';

export interface HubAlertOptions {
  /** Free space on the data directory's disk below this share (%) raises a warning. */
  diskFreeBelowPercent: number;
  /** A sensor unavailable this long (minutes) raises a warning. */
  unavailableAfterMin: number;
  /** How often the disk is looked at (minutes). */
  diskCheckEveryMin: number;
}

export const HUB_ALERT_DEFAULTS: HubAlertOptions = { diskFreeBelowPercent: 10, unavailableAfterMin: 15, diskCheckEveryMin: 10 };

export interface HubAlertDeps {
  alerts: Pick<Alerts, 'raise'>;
  bus: EventBus;
  states: Pick<StateStore, 'get'>;
  log: Logger;
  dataDir: string;
  options?: Partial<HubAlertOptions>;
  /** Plugins isolated at this start because they misbehaved before (auto-isolation). */
  isolated?: Iterable<string>;
  /** Free and total bytes of the disk holding `path` (default: statfs). */
  diskSpace?: (path: string) => Promise<{ free: number; total: number }>;
}

const SENSOR_DOMAINS = new Set(['sensor', 'binary_sensor']);
const MB = 1024 * 1024;

async function statfsSpace(path: string) {
  const s = await statfs(path);
  return { free: s.bavail * s.bsize, total: s.blocks * s.bsize };
}

export function createHubAlerts(deps: HubAlertDeps): Service {
  const { alerts, bus, log } = deps;
  const options = { ...HUB_ALERT_DEFAULTS, ...deps.options };
  const diskSpace = deps.diskSpace ?? statfsSpace;
  const unavailable = new Map<string, ReturnType<typeof setTimeout>>();
  const offs: (() => void)[] = [];
  let diskTimer: ReturnType<typeof setInterval> | undefined;

  const raise = (...args: Parameters<typeof alerts.raise>) => {
    try {
      alerts.raise(...args);
    } catch (err) {
      log.error({ err }, 'raising a hub alert failed');
    }
  };

  async function checkDisk(): Promise<void> {
    try {
      const { free, total } = await diskSpace(deps.dataDir);
      const percent = (free / total) * 100;
      if (total > 0 && percent < options.diskFreeBelowPercent) {
        raise({ severity: 'warning', title: 'Disk nearly full', message: `${Math.round(free / MB)} MB free (${percent.toFixed(1)} %) where the data is kept (${deps.dataDir})` }, 'hub');
      }
    } catch (err) {
      log.warn({ err }, 'cannot read the free disk space');
    }
  }

  function watchAvailability(entityId: string, available: boolean): void {
    if (available) {
      clearTimeout(unavailable.get(entityId));
      unavailable.delete(entityId);
      return;
    }
    if (unavailable.has(entityId)) return;
    const timer = setTimeout(() => {
      unavailable.delete(entityId);
      const state = deps.states.get(entityId);
      if (!state || state.available) return;
      raise(
        { severity: 'warning', title: `${state.name} unavailable`, message: `no reading for ${options.unavailableAfterMin} minutes`, entity: entityId },
        'hub',
      );
    }, options.unavailableAfterMin * 60_000);
    timer.unref?.();
    unavailable.set(entityId, timer);
  }

  return {
    name: 'hub alerts',
    async start() {
      offs.push(
        bus.on('plugin_status', ({ pluginId, status, error }) => {
          if (status === 'failed') raise({ severity: 'critical', title: `Plugin ${pluginId} failed`, message: error ?? '' }, 'hub');
        }),
        bus.on('state_changed', ({ entityId, oldState, newState }) => {
          if (!newState || !SENSOR_DOMAINS.has(newState.domain)) return;
          if ((oldState?.available ?? true) !== newState.available) watchAvailability(entityId, newState.available);
        }),
      );
      for (const pluginId of deps.isolated ?? []) {
        raise({ severity: 'warning', title: `Plugin ${pluginId} runs isolated`, message: 'it blocked the event loop or threw outside its callbacks before; it now runs in a process of its own' }, 'hub');
      }
      void checkDisk();
      diskTimer = setInterval(() => void checkDisk(), options.diskCheckEveryMin * 60_000);
      diskTimer.unref?.();
    },
    async stop() {
      for (const off of offs.splice(0)) off();
      clearInterval(diskTimer);
      for (const timer of unavailable.values()) clearTimeout(timer);
      unavailable.clear();
    },
  };
}

import { createAlerts, type Alerts } from '../../../core/alerts/index.js';
import type { DatabaseHandle } from '../../../core/db/index.js';
import { createKernel, type EventMap, type Kernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import type { Notification } from '../../../core/notify/types.js';
import { tempDatabase } from '../automation/harness.js';

export interface AlertsHome {
  kernel: Kernel;
  database: DatabaseHandle;
  alerts: Alerts;
  /** Every notification handed to the notifier, with its channels. */
  sent: { channels: readonly string[] | undefined; n: Notification }[];
  audits: EventMap['audit'][];
  /** Stops the service and closes the database; `reopen` starts a new service on the same file. */
  close(): Promise<void>;
  reopen(): Promise<AlertsHome>;
}

/** An alerts service over a real SQLite file, with a notifier that records what it is given. */
export async function alertsHome(options: { timezone?: string; now?: () => number } = {}, tmp = tempDatabase()): Promise<AlertsHome> {
  const kernel = createKernel(silentLogger());
  const database = tmp.open();
  const sent: AlertsHome['sent'] = [];
  const audits: EventMap['audit'][] = [];
  kernel.bus.on('audit', (e) => audits.push(e));
  const alerts = createAlerts({
    database,
    bus: kernel.bus,
    log: silentLogger(),
    notifier: { send: (channels, n) => void sent.push({ channels, n }) },
    resolveUserName: (id) => (id === 'u1' ? 'alice' : undefined),
    ...options,
  });
  await alerts.start();
  const stop = async () => {
    await alerts.stop();
    database.close();
  };
  return {
    kernel,
    database,
    alerts,
    sent,
    audits,
    close: async () => {
      await stop();
      tmp.cleanup();
    },
    reopen: async () => {
      await stop();
      return alertsHome(options, tmp);
    },
  };
}

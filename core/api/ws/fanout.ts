import type { ResolveUserName } from '../../history/index.js';
import type { Kernel } from '../../kernel/index.js';
import { createAlertFanout, type AlertFanout } from './alert-fanout.js';
import { createEntityFanout, type EntityFanout } from './entity-fanout.js';
import { createNotificationFanout, type NotificationFanout } from './notification-fanout.js';
import { createLogbookFanout, type LogbookFanout } from './logbook-fanout.js';
import { createPeopleFanout, type PeopleFanout, type PeopleLocations } from './people-fanout.js';
import { createBatchTick } from './tick.js';
import { createTraceFanout, type TraceFanout } from './trace-fanout.js';

export interface FanoutOptions {
  /** Coalescing window for `changed` and logbook batches. */
  batchMs: number;
  /** Above this many unsent bytes, entity changes are dropped and a fresh snapshot follows once it drains. */
  highWaterBytes: number;
  /** Above this, the client is hopelessly behind and is closed. */
  maxBufferedBytes: number;
}

/**
 * Every subscription of every WebSocket session, fed from one bus listener per event
 * and flushed on one tick: each batch is serialised once and shared by all the
 * clients that want it, while backpressure stays per socket.
 */
export interface WsFanout {
  entities: EntityFanout;
  logbook: LogbookFanout;
  traces: TraceFanout;
  alerts: AlertFanout;
  notifications: NotificationFanout;
  people: PeopleFanout;
}

export interface WsFanoutDeps {
  kernel: Kernel;
  options: FanoutOptions;
  /** So logbook entries say "Alice" rather than an id, as GET /api/logbook does. */
  resolveUserName?: ResolveUserName;
  /** Open alerts shown live, sent with every alert event (the badge); 0 when the hub keeps none. */
  openAlerts?: () => number;
  /** The current "I am here" pins, for `subscribe_people`; none when the hub keeps no floor plans. */
  people?: PeopleLocations;
}

export function createWsFanout({ kernel, options, resolveUserName, openAlerts = () => 0, people = () => [] }: WsFanoutDeps): WsFanout {
  const tick = createBatchTick(options.batchMs);
  return {
    entities: createEntityFanout({ kernel, tick, highWaterBytes: options.highWaterBytes, maxBufferedBytes: options.maxBufferedBytes }),
    logbook: createLogbookFanout({ kernel, tick, ...(resolveUserName && { resolveUserName }) }),
    traces: createTraceFanout(kernel),
    alerts: createAlertFanout(kernel, openAlerts),
    notifications: createNotificationFanout(kernel),
    people: createPeopleFanout(kernel, people, resolveUserName ?? (() => undefined)),
  };
}

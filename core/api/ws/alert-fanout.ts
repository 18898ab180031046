import type { Kernel } from '../../kernel/index.js';
import { eventFrame, framesOf, joinFanout, whileUsed, type WsClient } from './client.js';

export interface AlertFanout {
  /** Streams `{raised|updated|acknowledged: alert, open}` as alerts change; returns the unsubscribe. */
  subscribe(client: WsClient, id: number): () => void;
}

/**
 * Alerts are rare: each goes out at once, serialised once for all. `open` rides along so a
 * badge needs no second request; silent alerts never reach the bus events this listens to.
 */
export function createAlertFanout(kernel: Kernel, openCount: () => number): AlertFanout {
  const members = new Set<{ client: WsClient; id: number }>();
  const broadcast = (event: Record<string, unknown>) => {
    const frame = framesOf(JSON.stringify({ ...event, open: openCount() }));
    for (const { client, id } of members) client.send(frame(id));
  };
  const listener = whileUsed(() => {
    const offs = [
      kernel.bus.on('alert_raised', ({ alert }) => broadcast({ raised: alert })),
      kernel.bus.on('alert_updated', ({ alert }) => broadcast({ updated: alert })),
      kernel.bus.on('alert_acknowledged', ({ alert }) => broadcast({ acknowledged: alert })),
    ];
    return () => offs.forEach((off) => off());
  });

  return {
    subscribe(client, id) {
      const member = { client, id };
      const leave = joinFanout(members, member, listener);
      client.send(eventFrame(id, JSON.stringify({ open: openCount() })));
      return leave;
    },
  };
}

import type { Kernel } from '../../kernel/index.js';
import { framesOf, joinFanout, whileUsed, type WsClient } from './client.js';

export interface NotificationFanout {
  /** Streams `{notification}` for each one sent on the `dashboard` channel; returns the unsubscribe. */
  subscribe(client: WsClient, id: number): () => void;
}

/** Notifications are rare: each goes out at once, serialised once for every open dashboard. */
export function createNotificationFanout(kernel: Kernel): NotificationFanout {
  const members = new Set<{ client: WsClient; id: number }>();
  const listener = whileUsed(() =>
    kernel.bus.on('notification', ({ notification }) => {
      const frame = framesOf(JSON.stringify({ notification }));
      for (const { client, id } of members) client.send(frame(id));
    }),
  );

  return {
    subscribe(client, id) {
      const member = { client, id };
      return joinFanout(members, member, listener);
    },
  };
}

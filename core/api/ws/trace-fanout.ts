import type { Kernel } from '../../kernel/index.js';
import { framesOf, joinFanout, whileUsed, type WsClient } from './client.js';

export interface TraceFanout {
  /** Streams `{trace}` for every finished run (of one automation when given); returns the unsubscribe. */
  subscribe(client: WsClient, id: number, automationId: string | undefined): () => void;
}

/** Runs end a few times a minute: each trace goes out at once, serialised once for all. */
export function createTraceFanout(kernel: Kernel): TraceFanout {
  const members = new Set<{ client: WsClient; id: number; automationId: string | undefined }>();
  const listener = whileUsed(() =>
    kernel.bus.on('automation_trace', ({ trace }) => {
      let frame: ((id: number) => string) | undefined;
      for (const { client, id, automationId } of members) {
        if (automationId !== undefined && automationId !== trace.automationId) continue;
        frame ??= framesOf(JSON.stringify({ trace }));
        client.send(frame(id));
      }
    }),
  );

  return {
    subscribe(client, id, automationId) {
      const member = { client, id, automationId };
      return joinFanout(members, member, listener);
    },
  };
}

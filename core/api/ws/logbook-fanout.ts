import { presentLogbookEntry, type LogbookView, type ResolveUserName } from '../../history/index.js';
import type { Kernel } from '../../kernel/index.js';
import { framesOf, whileUsed, type WsClient } from './client.js';
import type { BatchTick } from './tick.js';

export interface LogbookFanoutDeps {
  kernel: Kernel;
  tick: BatchTick;
  resolveUserName?: ResolveUserName;
}

/** The audit trail (sign-ins, user changes) is for admins only; everyone else shares the other batch. */
interface Audience {
  readonly audit: boolean;
  readonly members: Set<{ client: WsClient; id: number }>;
  pending: LogbookView[];
}

export interface LogbookFanout {
  /** Streams `{entries}` in the GET /api/logbook shape as the recorder commits them; returns the unsubscribe. */
  subscribe(client: WsClient, id: number, withAudit: boolean): () => void;
}

export function createLogbookFanout({ kernel, tick, resolveUserName }: LogbookFanoutDeps): LogbookFanout {
  const audiences: Audience[] = [
    { audit: true, members: new Set(), pending: [] },
    { audit: false, members: new Set(), pending: [] },
  ];
  const listener = whileUsed(() =>
    kernel.bus.on('logbook_written', ({ entries }) => {
      const views = entries.map((e) => presentLogbookEntry(e, resolveUserName));
      for (const audience of audiences) {
        if (!audience.members.size) continue;
        audience.pending.push(...(audience.audit ? views : views.filter((v) => v.kind !== 'audit')));
      }
      tick.request();
    }),
  );

  tick.add(() => {
    for (const audience of audiences) {
      if (!audience.pending.length) continue;
      const frame = framesOf(JSON.stringify({ entries: audience.pending }));
      audience.pending = [];
      for (const { client, id } of audience.members) client.send(frame(id));
    }
  });

  return {
    subscribe(client, id, withAudit) {
      const audience = audiences[withAudit ? 0 : 1]!;
      const member = { client, id };
      audience.members.add(member);
      listener.acquire();
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        audience.members.delete(member);
        if (!audience.members.size) audience.pending = [];
        listener.release();
      };
    },
  };
}

import type { EntityState, Kernel } from '../../kernel/index.js';
import { eventFrame, framesOf, whileUsed, type WsClient } from './client.js';
import type { BatchTick } from './tick.js';

export interface EntityFanoutDeps {
  kernel: Kernel;
  tick: BatchTick;
  /** Above this many unsent bytes a client skips batches and gets a fresh snapshot once it drains. */
  highWaterBytes: number;
  /** Above this the client is closed as too slow. */
  maxBufferedBytes: number;
}

/** Subscriptions with the same filter share one pending batch, serialised once per flush. */
interface Group {
  readonly key: string;
  readonly ids: ReadonlySet<string> | undefined;
  readonly pending: Map<string, EntityState | null>;
  readonly members: Set<Member>;
}

interface Member {
  readonly client: WsClient;
  readonly id: number;
  readonly group: Group;
  lagging: boolean;
}

export interface EntityFanout {
  /** Sends the snapshot now, then `changed` batches on the shared tick; returns the unsubscribe. */
  subscribe(client: WsClient, id: number, entityIds: readonly string[] | undefined): () => void;
}

export function createEntityFanout({ kernel, tick, highWaterBytes, maxBufferedBytes }: EntityFanoutDeps): EntityFanout {
  const groups = new Map<string, Group>();
  const lagging = new Set<Member>();
  const listener = whileUsed(() =>
    kernel.bus.on('state_changed', ({ entityId, newState }) => {
      let any = false;
      for (const group of groups.values()) {
        if (group.ids && !group.ids.has(entityId)) continue;
        group.pending.set(entityId, newState);
        any = true;
      }
      if (any) tick.request();
    }),
  );

  const snapshotJson = (group: Group) => JSON.stringify({ snapshot: kernel.states.all().filter((s) => !group.ids || group.ids.has(s.id)) });

  /** Per socket backpressure: a laggard skips batches (`frame` undefined means none pending) and resyncs by snapshot. */
  function deliver(member: Member, frame: ((id: number) => string) | undefined) {
    const buffered = member.client.bufferedAmount();
    if (buffered > maxBufferedBytes) return member.client.tooSlow();
    if (buffered > highWaterBytes) {
      member.lagging = true;
      lagging.add(member);
      return;
    }
    if (member.lagging) {
      member.lagging = false;
      lagging.delete(member);
      return member.client.send(eventFrame(member.id, snapshotJson(member.group)));
    }
    if (frame) member.client.send(frame(member.id));
  }

  tick.add(() => {
    for (const group of groups.values()) {
      if (!group.pending.size) continue;
      const changed: EntityState[] = [];
      const removed: string[] = [];
      for (const [entityId, state] of group.pending) {
        if (state) changed.push(state);
        else removed.push(entityId);
      }
      group.pending.clear();
      const frame = framesOf(JSON.stringify({ changed, ...(removed.length && { removed }) }));
      for (const member of group.members) deliver(member, frame);
    }
    for (const member of lagging) deliver(member, undefined);
    if (lagging.size) tick.request();
  });

  function join(key: string, entityIds: readonly string[] | undefined): Group {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, ids: entityIds && new Set(entityIds), pending: new Map(), members: new Set() }));
    return group;
  }

  return {
    subscribe(client, id, entityIds) {
      const key = entityIds ? JSON.stringify([...new Set(entityIds)].sort()) : '*';
      const member: Member = { client, id, group: join(key, entityIds), lagging: false };
      member.group.members.add(member);
      listener.acquire();
      client.send(eventFrame(id, snapshotJson(member.group)));
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        member.group.members.delete(member);
        lagging.delete(member);
        if (!member.group.members.size) groups.delete(member.group.key);
        listener.release();
      };
    },
  };
}

import type { ResolveUserName } from '../../history/index.js';
import type { EventMap, Kernel } from '../../kernel/index.js';
import { eventFrame, framesOf, joinFanout, whileUsed, type WsClient } from './client.js';

export type PeopleLocations = () => EventMap['people_changed']['people'];

export interface PeopleFanout {
  /** Streams `{people}` (every current "I am here" pin, named) now and on each change; returns the unsubscribe. */
  subscribe(client: WsClient, id: number): () => void;
}

/** Pins are rare and small: each change sends the whole list, so a client never merges. */
export function createPeopleFanout(kernel: Kernel, current: PeopleLocations, resolveUserName: ResolveUserName): PeopleFanout {
  const members = new Set<{ client: WsClient; id: number }>();
  const json = (people: EventMap['people_changed']['people']) => JSON.stringify({ people: people.map((p) => ({ ...p, username: resolveUserName(p.userId) ?? p.userId })) });
  const listener = whileUsed(() =>
    kernel.bus.on('people_changed', ({ people }) => {
      const frame = framesOf(json(people));
      for (const { client, id } of members) client.send(frame(id));
    }),
  );

  return {
    subscribe(client, id) {
      const leave = joinFanout(members, { client, id }, listener);
      client.send(eventFrame(id, json(current())));
      return leave;
    },
  };
}

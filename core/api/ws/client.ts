/** What the fan-out needs of one session's socket. */
export interface WsClient {
  /** Sends one text frame; a closed session drops it. */
  send(text: string): void;
  /** Bytes queued on the socket and not yet sent. */
  bufferedAmount(): number;
  /** Closes a client hopelessly behind. */
  tooSlow(): void;
}

/**
 * `{id, type:"event", event}` around an event already serialised once for every
 * subscriber: only the subscription id differs between clients.
 */
export function eventFrame(id: number, eventJson: string): string {
  return `{"id":${id},"type":"event","event":${eventJson}}`;
}

/**
 * The frames of one event for each subscription id, each built once: clients that share an id
 * (dashboards subscribe with the same ids) share one string instead of each building, and the
 * socket flattening, its own copy of the batch.
 */
export function framesOf(eventJson: string): (id: number) => string {
  const frames = new Map<number, string>();
  return (id) => {
    let frame = frames.get(id);
    if (frame === undefined) frames.set(id, (frame = eventFrame(id, eventJson)));
    return frame;
  };
}

/** Holds a bus listener only while someone needs it, so an idle hub pays nothing. */
export function whileUsed(attach: () => () => void) {
  let users = 0;
  let detach: (() => void) | undefined;
  return {
    acquire() {
      if (users++ === 0) detach = attach();
    },
    release() {
      if (--users === 0) {
        detach?.();
        detach = undefined;
      }
    },
  };
}

/** Adds a subscriber to a fan-out's members, attaching its listener while any is left; returns the unsubscribe, safe to call twice. */
export function joinFanout<M>(members: Set<M>, member: M, listener: ReturnType<typeof whileUsed>): () => void {
  members.add(member);
  listener.acquire();
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    members.delete(member);
    listener.release();
  };
}

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

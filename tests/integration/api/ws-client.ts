import WebSocket from 'ws';

export type Msg = Record<string, unknown>;

/** A WebSocket client that queues every message so a test can await the next one. */
export function connectWs(url: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(url, { headers });
  const inbox: Msg[] = [];
  const waiters: Array<(m: Msg) => void> = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Msg;
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else inbox.push(message);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  return {
    socket,
    closed,
    next: () => new Promise<Msg>((resolve) => (inbox.length ? resolve(inbox.shift()!) : waiters.push(resolve))),
    send: (m: Msg) => socket.send(JSON.stringify(m)),
    /** Messages received and not yet taken by `next`. */
    inbox,
  };
}

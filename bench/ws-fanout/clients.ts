/**
 * Child process of the ws-fanout bench: N subscribed clients timing every delivered state.
 * Once all are subscribed, a message is only timed when it arrives and parsed at the end:
 * with all the clients in one process, parsing as they come would charge each client for
 * its siblings' parsing, which separate phones would do in parallel.
 */
import WebSocket from 'ws';

type Message = { type: string; event?: { snapshot?: unknown; changed?: Array<{ attributes: { sentAt?: number } }> } };

const [port, token, count] = process.argv.slice(2);
const latencies: number[] = [];
/** Per batch, latency of its newest state: about the fan-out alone, the coalescing wait left out. */
const fanout: number[] = [];
let received = 0;
let ready = 0;
const arrived: Array<{ socket: WebSocket; at: number; data: WebSocket.RawData }> = [];

function handle(socket: WebSocket, at: number, message: Message) {
  if (message.type === 'auth_required') socket.send(JSON.stringify({ type: 'auth', token }));
  else if (message.type === 'auth_ok') socket.send(JSON.stringify({ id: 1, type: 'subscribe_entities' }));
  else if (message.event?.snapshot && ++ready === Number(count)) process.send?.('ready');
  else if (message.event?.changed) {
    let newest = -Infinity;
    for (const state of message.event.changed) {
      received++;
      const { sentAt } = state.attributes;
      if (sentAt === undefined) continue;
      latencies.push(at - sentAt);
      newest = Math.max(newest, sentAt);
    }
    if (newest > -Infinity) fanout.push(at - newest);
  }
}

function drain() {
  for (const { socket, at, data } of arrived.splice(0)) handle(socket, at, JSON.parse(String(data)) as Message);
}

for (let i = 0; i < Number(count); i++) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/ws`);
  socket.on('message', (data) => {
    const at = performance.timeOrigin + performance.now();
    if (ready < Number(count)) handle(socket, at, JSON.parse(String(data)) as Message);
    else arrived.push({ socket, at, data });
  });
}

process.on('message', () => {
  drain();
  process.send?.({ latencies, fanout, received });
});

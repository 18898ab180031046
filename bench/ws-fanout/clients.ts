/** Child process of the ws-fanout bench: N subscribed clients timing every delivered state. */
import WebSocket from 'ws';

const [port, token, count] = process.argv.slice(2);
const latencies: number[] = [];
/** Per batch, latency of its newest state: about the fan-out alone, the coalescing wait left out. */
const fanout: number[] = [];
let received = 0;
let ready = 0;

for (let i = 0; i < Number(count); i++) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/ws`);
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; event?: { snapshot?: unknown; changed?: Array<{ attributes: { sentAt?: number } }> } };
    if (message.type === 'auth_required') socket.send(JSON.stringify({ type: 'auth', token }));
    else if (message.type === 'auth_ok') socket.send(JSON.stringify({ id: 1, type: 'subscribe_entities' }));
    else if (message.event?.snapshot && ++ready === Number(count)) process.send?.('ready');
    else if (message.event?.changed) {
      const now = performance.timeOrigin + performance.now();
      let newest = -Infinity;
      for (const state of message.event.changed) {
        received++;
        const { sentAt } = state.attributes;
        if (sentAt === undefined) continue;
        latencies.push(now - sentAt);
        newest = Math.max(newest, sentAt);
      }
      if (newest > -Infinity) fanout.push(now - newest);
    }
  });
}

process.on('message', () => process.send?.({ latencies, fanout, received }));

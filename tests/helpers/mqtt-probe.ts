/** An outside MQTT client for tests: records every message and awaits the one a test expects. */
import { connectAsync, type MqttClient } from 'mqtt';

export interface ProbeMessage {
  topic: string;
  payload: string;
  retain: boolean;
}

export interface MqttProbe {
  readonly client: MqttClient;
  readonly messages: ProbeMessage[];
  subscribe(filter: string | string[]): Promise<void>;
  publish(topic: string, payload: string, retain?: boolean): Promise<void>;
  /** The first message (already received or future) that satisfies `match`; rejects after `timeoutMs`. */
  next(match: (m: ProbeMessage) => boolean, timeoutMs?: number, what?: string): Promise<ProbeMessage>;
  close(): Promise<void>;
}

export async function openProbe(url: string): Promise<MqttProbe> {
  const client = await connectAsync(url, { reconnectPeriod: 0, clientId: `probe_${Math.random().toString(36).slice(2)}` });
  const messages: ProbeMessage[] = [];
  const waiters = new Set<(m: ProbeMessage) => void>();
  client.on('message', (topic, payload, packet) => {
    const message = { topic, payload: payload.toString(), retain: packet.retain };
    messages.push(message);
    for (const waiter of [...waiters]) waiter(message);
  });
  return {
    client,
    messages,
    async subscribe(filter) {
      await client.subscribeAsync(filter, { qos: 1 });
    },
    async publish(topic, payload, retain = false) {
      await client.publishAsync(topic, payload, { qos: 1, retain });
    },
    next(match, timeoutMs = 5000, what = 'a matching message') {
      const seen = messages.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no ${what} within ${timeoutMs} ms; got ${messages.map((m) => m.topic).join(', ') || 'nothing'}`));
        }, timeoutMs);
        const waiter = (m: ProbeMessage) => {
          if (!match(m)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(m);
        };
        waiters.add(waiter);
      });
    },
    async close() {
      await client.endAsync(true);
    },
  };
}

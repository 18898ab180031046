/** Drives one rule under test: publishes sensor readings at a fixed rate, times the ON commands that come back. */
import type { MqttClient } from 'mqtt';
import { cpuSeconds, rssMb } from '../process-stats.js';

export interface StepResult {
  offeredRate: number;
  sent: number;
  received: number;
  /** Readings per second handled: the answered ones (every other reading) times two, over the time to answer them. */
  achievedRate: number;
  p50Ms: number;
  p99Ms: number;
  /** Everything answered within the drain window after the last reading, with p99 within P99_BOUND_MS. */
  keptUp: boolean;
  peakRssMb: number;
  /** The system's CPU time per reading during the step: what its ceiling would be on a core of its own. */
  cpuUsPerReading: number;
}

export interface Target {
  sensorTopic: string;
  commandTopic: string;
  pid: number;
}

export const THRESHOLD = 50;
/** A rate is sustainable only while latency stays bounded, not merely while nothing is lost. */
export const P99_BOUND_MS = 100;

/**
 * Readings alternate below and above the threshold, so every other one is a crossing:
 * Hearth's `numeric_state` trigger fires on crossings, Node-RED's switch on every value
 * above; both answer exactly the odd readings.
 */
const above = (i: number) => i % 2 === 1;
const reading = (i: number) => JSON.stringify({ value: above(i) ? THRESHOLD + 1 + (i % 100) / 10 : THRESHOLD - 10 });

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Sends until a first answer arrives: the rule's subscriptions are live. */
export async function warmUp(pub: MqttClient, sub: MqttClient, target: Target, timeoutMs = 30_000): Promise<void> {
  await sub.subscribeAsync(target.commandTopic, { qos: 0 });
  const answered = new Promise<void>((resolve) => sub.once('message', () => resolve()));
  const deadline = Date.now() + timeoutMs;
  let i = 0;
  let done = false;
  void answered.then(() => (done = true));
  while (!done) {
    if (Date.now() > deadline) throw new Error(`no answer on ${target.commandTopic} within ${timeoutMs} ms`);
    pub.publish(target.sensorTopic, reading(i++), { qos: 0 });
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 500));
  sub.removeAllListeners('message');
}

/** One rate step: `rate` readings per second for `seconds`, then up to `drainMs` for the last answers. */
export async function runStep(pub: MqttClient, sub: MqttClient, target: Target, rate: number, seconds: number, drainMs = 1000): Promise<StepResult> {
  const total = Math.round(rate * seconds);
  const expected = Math.floor(total / 2);
  let sent = 0;
  const sentAt: number[] = [];
  const answeredAt: number[] = [];
  let peak = rssMb(target.pid);
  sub.on('message', (topic) => topic === target.commandTopic && answeredAt.push(performance.now()));
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(target.pid))), 200);
  const tickMs = 5;
  const cpuBefore = cpuSeconds(target.pid);
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      while (sent < due) {
        if (above(sent)) sentAt.push(performance.now());
        pub.publish(target.sensorTopic, reading(sent++), { qos: 0 });
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  const lastSent = performance.now();
  while (answeredAt.length < expected && performance.now() - lastSent < drainMs) await new Promise((r) => setTimeout(r, 20));
  clearInterval(sampler);
  const cpuUsed = cpuSeconds(target.pid) - cpuBefore;
  peak = Math.max(peak, rssMb(target.pid));
  // Let stragglers of an overloaded step arrive before the next one starts.
  while (performance.now() - lastSent < drainMs * 5) {
    const before = answeredAt.length;
    await new Promise((r) => setTimeout(r, 200));
    if (answeredAt.length === before) break;
  }
  sub.removeAllListeners('message');
  const received = Math.min(answeredAt.length, expected);
  const latencies = answeredAt.slice(0, received).map((t, i) => t - sentAt[i]!).sort((a, b) => a - b);
  const span = (answeredAt[received - 1] ?? start) - start;
  return {
    offeredRate: rate,
    sent: total,
    received,
    achievedRate: span > 0 ? Math.round((2 * received) / (span / 1000)) : 0,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    keptUp: received >= expected * 0.999 && answeredAt[received - 1]! - lastSent < drainMs && percentile(latencies, 99) <= P99_BOUND_MS,
    peakRssMb: Math.round(peak * 10) / 10,
    cpuUsPerReading: Math.round((cpuUsed * 1e6) / total),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface BlockWatchdog {
  /** `thread` also catches a callback that never returns; `timed` only blocks that end. */
  readonly kind: 'thread' | 'timed';
  /** Runs a plugin's synchronous callback, attributing any block during it to the plugin. */
  run<T>(pluginId: string, fn: () => T): T;
  stop(): Promise<void>;
}

export interface WatchdogOptions {
  thresholdMs?: number;
  /** Where blocking plugins are recorded so the next start isolates them (absent: record nothing). */
  autoIsolateFile?: string;
  /** Plugins that must not be auto-isolated (`autoIsolate: false`). */
  exempt?: ReadonlySet<string>;
  /** Called on the main thread once the loop runs again. */
  onBlocked(pluginId: string | undefined, blockedMs: number): void;
}

const DEFAULT_THRESHOLD_MS = 2000;

const BEAT_MS = 250;

/**
 * A worker thread watches a heartbeat the main thread bumps. When the beat stops
 * for `thresholdMs`, the worker — still running while the main thread is stuck —
 * reads which plugin was executing from shared memory, logs it and records it for
 * auto-isolation, so even a plugin that never returns is isolated after a restart.
 */
export function startBlockWatchdog(options: WatchdogOptions): BlockWatchdog {
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const slots = new Map<string, number>();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      shared,
      thresholdMs: options.thresholdMs ?? DEFAULT_THRESHOLD_MS,
      beatMs: BEAT_MS,
      file: options.autoIsolateFile,
      exempt: [...(options.exempt ?? [])],
    },
  });
  worker.unref();
  worker.on('message', (m: { pluginId?: string; blockedMs: number }) => options.onBlocked(m.pluginId, m.blockedMs));
  const beat = setInterval(() => Atomics.add(shared, 0, 1), BEAT_MS);
  beat.unref();

  const slotOf = (pluginId: string): number => {
    let slot = slots.get(pluginId);
    if (slot === undefined) {
      slots.set(pluginId, (slot = slots.size + 1));
      worker.postMessage({ slot, pluginId });
    }
    return slot;
  };

  return {
    kind: 'thread',
    run(pluginId, fn) {
      const previous = Atomics.exchange(shared, 1, slotOf(pluginId));
      try {
        return fn();
      } finally {
        Atomics.store(shared, 1, previous);
      }
    },
    async stop() {
      clearInterval(beat);
      await worker.terminate();
    },
  };
}

/**
 * Times each plugin callback on the main thread instead: a block that ends is reported
 * and recorded exactly like the thread's reports, without the thread's ~5 MB, but a
 * callback that never returns goes unseen. The hub uses it when every in-process
 * plugin is one of its own (core/plugins/auto-isolation.ts).
 */
export function startTimedWatchdog(options: WatchdogOptions & { now?: () => number }): BlockWatchdog {
  const now = options.now ?? (() => performance.now());
  const thresholdMs = options.thresholdMs ?? DEFAULT_THRESHOLD_MS;
  const exempt = options.exempt ?? new Set();
  // A plugin's callback can run another's synchronously; only the innermost one that
  // blocked is reported, not every caller around it.
  let reports = 0;
  return {
    kind: 'timed',
    run(pluginId, fn) {
      const started = now();
      const reportsBefore = reports;
      try {
        return fn();
      } finally {
        const blockedMs = now() - started;
        if (blockedMs >= thresholdMs && reports === reportsBefore) {
          reports++;
          if (options.autoIsolateFile && !exempt.has(pluginId)) recordAutoIsolated(options.autoIsolateFile, pluginId);
          options.onBlocked(pluginId, blockedMs);
        }
      }
    },
    stop: async () => {},
  };
}

/** Adds a plugin to the list isolated from the next start. */
export function recordAutoIsolated(file: string, pluginId: string): void {
  const list = [...readAutoIsolated(file)];
  if (list.includes(pluginId)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify([...list, pluginId]));
}

/** Plugins recorded as having blocked the event loop. */
export function readAutoIsolated(file: string): Set<string> {
  try {
    return new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]);
  } catch {
    return new Set();
  }
}

const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const { shared, thresholdMs, beatMs, file, exempt } = workerData;
const names = new Map();
parentPort.on('message', (m) => names.set(m.slot, m.pluginId));
let lastBeat = Atomics.load(shared, 0);
let stalledSince = Date.now();
let reported = false;
let culprit;
function record(id) {
  if (!file || exempt.includes(id)) return;
  let list = [];
  try { list = JSON.parse(fs.readFileSync(file, 'utf8')); } catch {}
  if (list.includes(id)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify([...list, id]));
}
setInterval(() => {
  const beat = Atomics.load(shared, 0);
  const now = Date.now();
  if (beat !== lastBeat) {
    if (reported) parentPort.postMessage({ pluginId: culprit, blockedMs: now - stalledSince });
    lastBeat = beat;
    stalledSince = now;
    reported = false;
    return;
  }
  if (reported || now - stalledSince < thresholdMs) return;
  reported = true;
  culprit = names.get(Atomics.load(shared, 1));
  process.stderr.write('hearth: event loop blocked for ' + (now - stalledSince) + ' ms' + (culprit ? " by plugin '" + culprit + "'" : '') + '\\n');
  if (culprit) record(culprit);
}, beatMs);
`;

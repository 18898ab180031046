/**
 * The recorder (DESIGN §9): listens on the bus, queues in memory, and writes one
 * transaction per commit interval so an SD card sees a few writes a minute, not
 * one per reading. Commits append to a time-ordered staging table that is folded
 * into the entity-ordered one hourly (fold.ts). It also drives the statistics
 * rollup and the nightly purge, and announces each commit's logbook entries on
 * the bus (`logbook_written`).
 */
import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../db/index.js';
import { errorMessage } from '../errors.js';
import type { EventMap, Kernel } from '../kernel/index.js';
import type { Service } from '../service.js';
import { createDictionary } from './dictionary.js';
import { createFold } from './fold.js';
import { DAY_MS, HOUR_MS } from './keys.js';
import { storedState } from './kinds.js';
import { auditEntry, commandEntry, stateEntry, writtenEntry, type LogbookRow } from './logbook-entries.js';
import { createMaintenance } from './maintenance.js';
import { createWriter, type QueuedState } from './writer.js';
import { foreignZone } from '../local-zone.js';

export interface RecorderOptions {
  commitIntervalS: number;
  keepDays: number;
  /** Readings held while the disk is slow; beyond it new ones are dropped and counted. Default 100,000. */
  maxQueue?: number;
  /** IANA zone for the nightly purge (03:30 local). */
  timezone?: string;
  /** How often staged readings are folded into the entity-ordered table. Default 3600. */
  foldIntervalS?: number;
  /** Clock, for tests and benchmarks. */
  now?: () => number;
}

export interface RecorderStats {
  queued: number;
  dropped: number;
  /** How long the last commit took, in ms. */
  lastCommitMs: number;
  commits: number;
}

export interface Recorder extends Service {
  /** Writes everything queued now, in one transaction; folds staged readings when the fold interval has passed. */
  flush(): void;
  stats(): RecorderStats;
  /** Folds staged readings, catches up on statistics rollups, then purges if the last purge is over a day old; resolves when done. Also run by `start`. */
  maintain(): Promise<void>;
}

export interface RecorderDeps {
  kernel: Kernel;
  database: DatabaseHandle;
  log: Logger;
  options: RecorderOptions;
}

export function createRecorder({ kernel, database, log, options }: RecorderDeps): Recorder {
  const now = options.now ?? Date.now;
  const maxQueue = options.maxQueue ?? 100_000;
  const dictionary = createDictionary(database.sqlite);
  const write = createWriter(database.sqlite, dictionary);
  const fold = createFold(database.sqlite);
  const foldMs = (options.foldIntervalS ?? HOUR_MS / 1000) * 1000;
  const maintenance = createMaintenance({ sqlite: database.sqlite, log, keepMs: options.keepDays * DAY_MS, now, lagMs: options.commitIntervalS * 1000 + 1000 });
  let states: QueuedState[] = [];
  let entries: LogbookRow[] = [];
  let dropped = 0;
  let droppedSinceLog = 0;
  let commits = 0;
  let lastCommitMs = 0;
  let lastFold = now();
  const lastAttributes = new Map<string, object>();
  const cleanups: (() => void)[] = [];

  function admit(): boolean {
    if (states.length + entries.length < maxQueue) return true;
    dropped++;
    droppedSinceLog++;
    return false;
  }

  function onStateChanged(event: EventMap['state_changed']): void {
    const { oldState, newState, entityId } = event;
    const ms = newState && oldState?.lastUpdated !== newState.lastUpdated ? Date.parse(newState.lastUpdated) : now();
    const entry = stateEntry(event, ms);
    if (entry && admit()) entries.push(entry);
    if (!newState || !admit()) return;
    // the state store keeps the same attributes object while they do not change
    const unchanged = lastAttributes.get(entityId) === newState.attributes;
    lastAttributes.set(entityId, newState.attributes);
    states.push({ entityId, ms, state: storedState(newState), attributesJson: unchanged ? undefined : JSON.stringify(newState.attributes) });
  }

  function flush(): void {
    if (droppedSinceLog) {
      log.warn({ dropped: droppedSinceLog, maxQueue }, 'history queue full: readings dropped');
      droppedSinceLog = 0;
    }
    if (!states.length && !entries.length) return;
    const started = performance.now();
    let ids: number[];
    try {
      ids = write(states, entries);
    } catch (err) {
      // kept queued (bounded by maxQueue) and retried at the next commit
      log.error({ err: errorMessage(err), queued: states.length + entries.length }, 'history commit failed');
      return;
    }
    lastCommitMs = performance.now() - started;
    commits++;
    const written = entries;
    states = [];
    entries = [];
    if (written.length) kernel.bus.emit('logbook_written', { entries: written.map((row, i) => writtenEntry(row, ids[i]!)) });
  }

  function foldStaged(): void {
    try {
      fold();
      lastFold = now();
    } catch (err) {
      // the rows stay staged (still read by queries) and the next commit tries again
      log.error({ err: errorMessage(err) }, 'history fold failed');
    }
  }

  /** One commit interval's work: write, and when due fold and roll up (hourly: each rollup rewrites a page per entity). */
  function commit(): void {
    flush();
    if (now() - lastFold < foldMs) return;
    foldStaged();
    maintenance.tick();
  }

  return {
    name: 'recorder',
    async start() {
      const { bus } = kernel;
      cleanups.push(
        bus.on('state_changed', onStateChanged),
        bus.on('command_executed', (e) => admit() && entries.push(commandEntry(e, now()))),
        bus.on('audit', (e) => admit() && entries.push(auditEntry(e, now()))),
      );
      const timer = setInterval(commit, options.commitIntervalS * 1000);
      const nightly = new Cron('30 3 * * *', { timezone: foreignZone(options.timezone) }, () => maintenance.purgeNow());
      cleanups.push(() => clearInterval(timer), () => nightly.stop());
      // leftovers of the last run (a crash, or a stop that could not fold)
      foldStaged();
      void maintenance.start();
    },
    async stop() {
      for (const cleanup of cleanups.splice(0)) cleanup();
      await maintenance.stop();
      flush();
      foldStaged();
    },
    flush: commit,
    maintain() {
      foldStaged();
      return maintenance.start();
    },
    stats: () => ({ queued: states.length + entries.length, dropped, lastCommitMs, commits }),
  };
}

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
import type { Attributes, EntityState, EventMap, Kernel } from '../kernel/index.js';
import type { Service } from '../service.js';
import { CLIMATE_SERIES, climateValues, isClimate, seriesId } from './climate.js';
import { createDictionary } from './dictionary.js';
import { createFold } from './fold.js';
import { DAY_MS, HOUR_MS } from './keys.js';
import { storedState, type StoredState } from './kinds.js';
import { auditEntry, commandEntry, stateEntry, writtenEntry, type LogbookRow } from './logbook-entries.js';
import { createMaintenance } from './maintenance.js';
import { createWriter, type QueuedState } from './writer.js';
import { foreignZone } from '../local-zone.js';

/** The attributes as history keeps them: without those the entity asked to leave out (RecorderHints). */
export function recordedAttributes(attributes: Attributes, exclude: readonly string[] | undefined): string {
  if (!exclude?.some((key) => key in attributes)) return JSON.stringify(attributes);
  return JSON.stringify(Object.fromEntries(Object.entries(attributes).filter(([key]) => !exclude.includes(key))));
}

/** Rows per transaction of a periodic commit: a few milliseconds of work on a Pi 4. */
const SLICE = 2000;

export interface RecorderOptions {
  commitIntervalS: number;
  keepDays: number;
  /** Readings held while the disk is slow; beyond it new ones are dropped and counted. Default 100,000. */
  maxQueue?: number;
  /** IANA zone for the nightly purge (03:30 local). */
  timezone?: string;
  /** How often staged readings are folded into the entity-ordered table. Default 3600. */
  foldIntervalS?: number;
  /** The nightly purge at 03:30; default true. A simulated past (core/backfill) has no nights to purge. */
  nightlyPurge?: boolean;
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
  let pendingSlice: ReturnType<typeof setImmediate> | undefined;
  const lastAttributes = new Map<string, object>();
  /** Last queued value of each climate series: a row only when it changes, not on every attribute update. */
  const lastSeries = new Map<string, StoredState>();
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
    states.push({
      entityId, ms, state: storedState(newState),
      ...(unchanged
        ? { attributesJson: undefined }
        : { attributesJson: recordedAttributes(newState.attributes, kernel.registry.get(entityId)?.recorder?.excludeAttributes), counter: newState.attributes.stateClass === 'total_increasing' }),
    });
    if (isClimate(entityId)) queueClimateSeries(entityId, newState, ms);
  }

  function queueClimateSeries(entityId: string, state: EntityState, ms: number): void {
    const values = climateValues(state);
    for (const series of CLIMATE_SERIES) {
      const id = seriesId(entityId, series);
      if (lastSeries.has(id) && lastSeries.get(id) === values[series]) continue;
      if (!admit()) return;
      lastSeries.set(id, values[series]);
      states.push({ entityId: id, ms, state: values[series], attributesJson: undefined });
    }
  }

  /** Writes the first `count` queued states and `entryCount` logbook rows in one transaction; false when it failed. */
  function writeHead(count: number, entryCount: number): boolean {
    const batch = states.slice(0, count);
    const rows = entries.slice(0, entryCount);
    let ids: number[];
    try {
      ids = write(batch, rows);
    } catch (err) {
      // kept queued (bounded by maxQueue) and retried at the next commit
      log.error({ err: errorMessage(err), queued: states.length + entries.length }, 'history commit failed');
      return false;
    }
    states = states.slice(count);
    entries = entries.slice(entryCount);
    if (rows.length && kernel.bus.listening('logbook_written')) kernel.bus.emit('logbook_written', { entries: rows.map((row, i) => writtenEntry(row, ids[i]!)) });
    return true;
  }

  function reportDropped(): void {
    if (!droppedSinceLog) return;
    log.warn({ dropped: droppedSinceLog, maxQueue }, 'history queue full: readings dropped');
    droppedSinceLog = 0;
  }

  function flush(): void {
    reportDropped();
    if (!states.length && !entries.length) return;
    const started = performance.now();
    if (writeHead(states.length, entries.length)) committed(performance.now() - started);
  }

  function committed(ms: number): void {
    lastCommitMs = ms;
    commits++;
  }

  /**
   * The periodic commit writes what was queued when it began, in slices of at most
   * SLICE rows with the event loop free between them: a burst of readings costs a
   * few short transactions instead of one long stall of automations and the API.
   */
  function commitSliced(stateCount: number, entryCount: number, spentMs: number, done: () => void): void {
    const s = Math.min(stateCount, SLICE);
    const e = Math.min(entryCount, SLICE - s);
    const started = performance.now();
    if (!writeHead(s, e)) return done();
    const spent = spentMs + performance.now() - started;
    if (stateCount - s + entryCount - e === 0) {
      committed(spent);
      return done();
    }
    pendingSlice = setImmediate(() => commitSliced(stateCount - s, entryCount - e, spent, done));
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
    reportDropped();
    if (pendingSlice) return;
    if (!states.length && !entries.length) return foldWhenDue();
    commitSliced(states.length, entries.length, 0, () => {
      pendingSlice = undefined;
      foldWhenDue();
    });
  }

  function foldWhenDue(): void {
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
      cleanups.push(() => clearInterval(timer));
      if (options.nightlyPurge ?? true) {
        const nightly = new Cron('30 3 * * *', { timezone: foreignZone(options.timezone) }, () => maintenance.purgeNow());
        cleanups.push(() => nightly.stop());
      }
      // leftovers of the last run (a crash, or a stop that could not fold)
      foldStaged();
      void maintenance.start();
    },
    async stop() {
      for (const cleanup of cleanups.splice(0)) cleanup();
      clearImmediate(pendingSlice);
      pendingSlice = undefined;
      await maintenance.stop();
      flush();
      foldStaged();
    },
    flush() {
      flush();
      foldWhenDue();
    },
    maintain() {
      foldStaged();
      return maintenance.start();
    },
    stats: () => ({ queued: states.length + entries.length, dropped, lastCommitMs, commits }),
  };
}

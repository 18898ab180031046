/**
 * Background upkeep of the history: statistics rollups (caught up after downtime)
 * and retention. One job at a time; `stop` waits for the running one.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { SqlConnection } from '../db/index.js';
import { errorMessage } from '../errors.js';
import { DAY_MS } from './keys.js';
import { createMeta } from './meta.js';
import { purge } from './purge.js';
import { createRollup } from './rollup.js';

export interface MaintenanceDeps {
  sqlite: SqlConnection;
  log: Logger;
  keepMs: number;
  now: () => number;
  /** How far behind `now` the queued states may still be: windows are rolled up only once complete on disk. */
  lagMs: number;
}

export function createMaintenance({ sqlite, log, keepMs, now, lagMs }: MaintenanceDeps) {
  const rollup = createRollup(sqlite);
  const meta = createMeta(sqlite);
  let running: Promise<void> | undefined;
  let stopped = false;

  /** Jobs run one after another, never interleaved. */
  function exclusive(name: string, job: () => Promise<void>): Promise<void> {
    if (stopped) return running ?? Promise.resolve();
    const mine: Promise<void> = (running ?? Promise.resolve())
      .then(job)
      .catch((err: unknown) => log.error({ err: errorMessage(err) }, `history ${name} failed`))
      .finally(() => {
        if (running === mine) running = undefined;
      });
    running = mine;
    return mine;
  }

  async function catchUp(): Promise<void> {
    while (!stopped && rollup.step(now() - lagMs)) await yieldToLoop();
  }

  async function purgeOld(): Promise<void> {
    await catchUp();
    if (stopped) return;
    const started = now();
    const deleted = await purge(sqlite, started - keepMs, rollup.doneUntil());
    meta.set('history.purge', started);
    log.info({ ...deleted }, 'history purged');
  }

  return {
    /** Catches up on rollups, then purges if the last purge is more than a day old. */
    start(): Promise<void> {
      stopped = false;
      return exclusive('catch-up', async () => {
        await catchUp();
        const last = meta.getNumber('history.purge');
        if (last === undefined || now() - last > DAY_MS) await purgeOld();
      });
    },
    /** After a fold: rolls up what it completed (a few hours at most), unless a longer job is already busy. */
    tick(): void {
      if (running || stopped) return;
      try {
        for (let steps = 0; steps < 3 && rollup.step(now() - lagMs); steps++);
      } catch (err) {
        log.error({ err: errorMessage(err) }, 'history rollup failed');
      }
    },
    purgeNow: () => exclusive('purge', purgeOld),
    async stop(): Promise<void> {
      stopped = true;
      await running;
    },
  };
}

/**
 * A simulated house with a past (issue #25): on the first start of a config with
 * `hardware: { backend: sim, backfillDays: N }` (the demo house), the hub lives the last N
 * days first, fast — the same plugins on a fresh simulated board, the same automations and
 * schedules, recorded through the same recorder and rolled up into statistics — so History,
 * sparklines and traces show a lived-in week from the first page. It runs before anything is
 * served, under virtual time (virtual-time.ts), and ends at the moment the real start began.
 */
import type { Logger } from 'pino';
import { openHardware } from '../../hardware/hub.js';
import { createAutomationEngine, type FileAutomation } from '../automation/index.js';
import type { LoadedConfig } from '../config/index.js';
import type { DatabaseHandle } from '../db/index.js';
import { errorMessage } from '../errors.js';
import { createRecorder, DAY_MS, historyIsEmpty } from '../history/index.js';
import { createKernel } from '../kernel/index.js';
import { createPluginHost, type LoadedPlugin } from '../plugins/index.js';
import { createSchedules } from '../schedules/index.js';
import { installVirtualTime } from './virtual-time.js';

/** Sensors polled every few seconds live are read once a simulated minute: 5 readings per 5-minute statistic, and a week in seconds. */
const MIN_INTERVAL_MS = 300_000;
/** Simulated commits, trace writes are rarer than live ones: the same rows in fewer transactions. */
const COMMIT_INTERVAL_S = 600;
const TRACE_FLUSH_MS = 3_600_000;

export interface BackfillDeps {
  loaded: LoadedConfig;
  plugins: readonly LoadedPlugin[];
  fileAutomations: readonly FileAutomation[];
  database: DatabaseHandle;
  dataDir: string;
  log: Logger;
}

export interface BackfillReport {
  days: number;
  /** Timers the simulation ran. */
  timers: number;
  /** Real time it took. */
  ms: number;
}

/**
 * Fills the history when the config asks for it and nothing was recorded yet; resolves
 * with what it did, or `undefined` when there was nothing to do (a later start).
 */
export async function backfillHistory(deps: BackfillDeps): Promise<BackfillReport | undefined> {
  const { loaded, database, log } = deps;
  const { config } = loaded;
  const days = config.hardware.backfillDays;
  if (!days || config.hardware.backend !== 'sim' || !historyIsEmpty(database)) return undefined;
  const started = performance.now();
  const end = Date.now();
  log.info({ days }, `simulating the last ${days} days of the house to fill its history`);
  // its own logs carry simulated times and would bury the real start: only failures
  const quiet = log.child({ backfill: true }, { level: 'error' });
  const time = installVirtualTime(end - days * DAY_MS, (err) => quiet.error({ err: errorMessage(err) }, 'simulated timer failed'));
  try {
    const timezone = config.location?.timezone;
    const hardware = await openHardware({ backend: 'sim' });
    const kernel = createKernel(quiet);
    const recorder = createRecorder({
      kernel,
      database,
      log: quiet,
      options: { ...config.storage, commitIntervalS: COMMIT_INTERVAL_S, nightlyPurge: false, ...(timezone && { timezone }) },
    });
    const schedules = createSchedules({ kernel, database, log: quiet, fileSchedules: config.schedules, ...(timezone && { timezone }) });
    const host = createPluginHost({
      kernel,
      hardware,
      log: quiet,
      dataDir: deps.dataDir,
      hub: { name: config.name, ...(config.location && { location: config.location }) },
      simulatedPast: { minIntervalMs: MIN_INTERVAL_MS },
    });
    const automations = createAutomationEngine({ kernel, database, log: quiet, location: config.location, fileAutomations: deps.fileAutomations, traceFlushMs: TRACE_FLUSH_MS });
    // an isolated plugin runs in a child process, on real time: it cannot take part
    const inProcess = deps.plugins.filter((p) => !p.entry.isolate);

    // every step may wait on a timer, and only `drive` lets virtual time move meanwhile
    await time.drive(recorder.start());
    await time.drive(schedules.start());
    await time.drive(host.start(inProcess));
    await time.drive(automations.start());
    const timers = await time.runUntil(end);
    await time.drive(automations.stop());
    await time.drive(host.stop());
    await time.drive(hardware.close());
    await time.drive(schedules.stop());
    await time.drive(recorder.stop());
    // statistics of the whole week, before the hub serves a chart
    await time.drive(recorder.maintain());
    const report = { days, timers, ms: Math.round(performance.now() - started) };
    log.info(report, `history filled: ${days} simulated days in ${(report.ms / 1000).toFixed(1)} s`);
    return report;
  } finally {
    time.uninstall();
  }
}

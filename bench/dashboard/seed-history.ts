/**
 * A week of history for the History view's benchmark, recorded the way the hub records it:
 * readings through the kernel into the recorder (real SQLite file), statistics rolled up.
 */
import { join } from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../core/db/index.js';
import { createHistoryQueries, createRecorder, DAY_MS, type HistoryQueries } from '../../core/history/index.js';
import { createKernel } from '../../core/kernel/index.js';
import { silentLogger } from '../../core/log.js';

export interface SeededHistory {
  queries: HistoryQueries;
  database: DatabaseHandle;
  readings: number;
}

/** `sensors` read every minute (a slow sine and a daily swing), `binaries` flip every 20–50 minutes, over the 7 days before `end`. */
export async function seedWeek(dir: string, sensors: readonly string[], binaries: readonly string[], end: number): Promise<SeededHistory> {
  const clock = { now: end - 7 * DAY_MS };
  const log = silentLogger();
  const kernel = createKernel(log, () => clock.now);
  const database = openDatabase(join(dir, 'history.db'));
  const recorder = createRecorder({ kernel, database, log, options: { commitIntervalS: 60, keepDays: 30, maxQueue: 1_000_000, now: () => clock.now } });
  for (const id of sensors) kernel.states.init(kernel.registry.add({ id, owner: 'bench' }), { unit: '°C', stateClass: 'measurement' });
  for (const id of binaries) kernel.states.init(kernel.registry.add({ id, owner: 'bench' }));
  await recorder.start();
  let readings = 0;
  const nextFlip = binaries.map(() => clock.now);
  const on = binaries.map(() => false);
  for (let minute = 0; clock.now < end; minute++, clock.now += 60_000) {
    sensors.forEach((id, i) => kernel.states.update(id, { state: +(20 + i + 3 * Math.sin((2 * Math.PI * clock.now) / DAY_MS) + Math.sin(minute / (7 + i))).toFixed(2) }));
    readings += sensors.length;
    binaries.forEach((id, i) => {
      if (clock.now < nextFlip[i]!) return;
      on[i] = !on[i];
      kernel.states.update(id, { state: on[i] ? 'on' : 'off' });
      nextFlip[i] = clock.now + (20 + ((minute * 7 + i * 13) % 30)) * 60_000;
    });
    // one commit a simulated hour keeps the seeding fast; the recorder folds and rolls up as it would live
    if (minute % 60 === 59) recorder.flush();
  }
  recorder.flush();
  await recorder.maintain();
  await recorder.stop();
  return { queries: createHistoryQueries(database), database, readings };
}

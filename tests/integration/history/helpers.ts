import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../../core/db/index.js';
import { createHistoryQueries, createRecorder, type Recorder } from '../../../core/history/index.js';
import { createKernel, type Kernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';

export interface Rig {
  kernel: Kernel;
  database: DatabaseHandle;
  recorder: Recorder;
  clock: { now: number };
  path: string;
  add(id: string, attributes?: Record<string, unknown>): void;
  set(id: string, state: string | number | null, attributes?: Record<string, unknown>): void;
  queries(): ReturnType<typeof createHistoryQueries>;
  close(): Promise<void>;
}

/** A kernel with a controllable clock, recording into a real SQLite file in a temp dir. */
export function createRig(options: { dir?: string; start?: number; keepDays?: number; maxQueue?: number; timezone?: string } = {}): Rig {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'hearth-history-'));
  const path = join(dir, 'hearth.db');
  const clock = { now: options.start ?? Date.parse('2025-01-01T00:00:00Z') };
  const log = silentLogger();
  const kernel = createKernel(log, () => clock.now);
  const database = openDatabase(path);
  const recorder = createRecorder({
    kernel, database, log,
    options: { commitIntervalS: 60, keepDays: options.keepDays ?? 10, now: () => clock.now, ...(options.maxQueue && { maxQueue: options.maxQueue }), ...(options.timezone && { timezone: options.timezone }) },
  });
  return {
    kernel, database, recorder, clock, path,
    add(id, attributes) {
      const info = kernel.registry.add({ id, owner: 'test' });
      kernel.states.init(info, attributes);
    },
    set(id, state, attributes) {
      kernel.states.update(id, { state: state as never, ...(attributes && { attributes }) });
    },
    queries: () => createHistoryQueries(database, { now: () => clock.now, ...(options.timezone && { timezone: options.timezone }) }),
    async close() {
      await recorder.stop();
      database.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

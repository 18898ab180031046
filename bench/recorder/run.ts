/**
 * Recorder benchmarks (issue 5): ingest next to raw prepared inserts, bytes per
 * reading, a 30-day downsampled query, and disk writes per hour for 50 sensors.
 * Run: npx tsx bench/recorder/run.ts
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../core/db/index.js';
import { createHistoryQueries, createRecorder, type Recorder } from '../../core/history/index.js';
import { createKernel, type Kernel } from '../../core/kernel/index.js';
import { silentLogger } from '../../core/log.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-recorder-'));
const T0 = Date.parse('2025-01-01T00:00:00Z');
const log = silentLogger();

async function rig(name: string, keepDays = 60) {
  const clock = { now: T0 };
  const kernel = createKernel(log, () => clock.now);
  const database = openDatabase(join(dir, `${name}.db`));
  const recorder = createRecorder({ kernel, database, log, options: { commitIntervalS: 2, keepDays, maxQueue: 1_000_000, now: () => clock.now } });
  await recorder.start();
  // the start-up catch-up job done, so the synchronous feeds below run the hourly rollups as a live hub would
  await recorder.maintain();
  return { clock, kernel, database, recorder, close: async () => {
      await recorder.stop();
      database.close();
    },
  };
}

function addSensors(kernel: Kernel, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `sensor.s${i}`;
    kernel.states.init(kernel.registry.add({ id, owner: 'bench' }), { unit: '°C', stateClass: 'measurement' });
    return id;
  });
}

/** Feeds readings through the kernel; `commitEvery` readings make one commit (one commit interval's worth). */
function feed(r: { clock: { now: number }; kernel: Kernel; recorder: Recorder }, ids: string[], readings: number, stepMs: number, commitEvery: number) {
  for (let i = 0; i < readings; i++) {
    if (i % ids.length === 0) r.clock.now += stepMs;
    r.kernel.states.update(ids[i % ids.length]!, { state: 20 + Math.sin(i / 97) * 5 + (i % 7) / 10 });
    if ((i + 1) % commitEvery === 0) r.recorder.flush();
  }
  r.recorder.flush();
}

async function ingest() {
  const N = 300_000;
  const raw = new Database(join(dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec('CREATE TABLE raw (entity INTEGER, ms INTEGER, value REAL, PRIMARY KEY (entity, ms)) WITHOUT ROWID');
  const insert = raw.prepare('INSERT INTO raw VALUES (?, ?, ?)');
  let t = performance.now();
  raw.transaction(() => {
    for (let i = 0; i < N; i++) insert.run(i % 50, T0 + Math.floor(i / 50) * 1000, 20 + (i % 7) / 10);
  })();
  const rawPerS = N / ((performance.now() - t) / 1000);
  raw.close();

  const r = await rig('ingest');
  const ids = addSensors(r.kernel, 50);
  t = performance.now();
  feed(r, ids, N, 1000, 10_000);
  // stopping folds the staged rows into the entity-ordered table: part of the cost
  await r.recorder.stop();
  const throughKernelPerS = N / ((performance.now() - t) / 1000);
  await r.close();

  // the recorder alone: the same readings as prebuilt state_changed events (the kernel's own cost left out)
  const r2 = await rig('ingest-bus');
  const ids2 = addSensors(r2.kernel, 50);
  const events = Array.from({ length: N }, (_, i) => {
    const old = r2.kernel.states.get(ids2[i % 50]!)!;
    const at = new Date(T0 + Math.floor(i / 50) * 1000 + 1000).toISOString();
    return { entityId: old.id, oldState: old, newState: { ...old, state: 20 + (i % 7) / 10, lastChanged: at, lastUpdated: at } };
  });
  t = performance.now();
  for (let i = 0; i < N; i++) {
    r2.kernel.bus.emit('state_changed', events[i]!);
    if ((i + 1) % 10_000 === 0) r2.recorder.flush();
  }
  await r2.recorder.stop();
  const recorderPerS = N / ((performance.now() - t) / 1000);
  await r2.close();
  return { rawPerS, recorderPerS, ratio: recorderPerS / rawPerS, throughKernelPerS };
}

async function thirtyDays() {
  const r = await rig('month');
  const ids = addSensors(r.kernel, 1);
  const readings = 259_200;
  feed(r, ids, readings, 10_000, 10_000);
  await r.recorder.maintain();
  const tableBytes = (r.database.sqlite.prepare(`SELECT sum(pgsize) AS b FROM dbstat WHERE name = 'states'`).get() as { b: number }).b;
  const queries = createHistoryQueries(r.database);
  const end = r.clock.now;
  const start = end - 30 * 86_400_000;
  const times: number[] = [];
  let points = 0;
  for (let i = 0; i < 21; i++) {
    const t = performance.now();
    points = queries.history(ids[0]!, start, end, 1000).points.length;
    times.push(performance.now() - t);
  }
  const t = performance.now();
  r.database.sqlite.prepare(`SELECT CAST(((key & 4398046511103) - ?) / ? AS INTEGER) AS b, min(value), max(value) FROM states WHERE key BETWEEN (1 << 42) AND (2 << 42) GROUP BY b`).all(start, 2592);
  const rawGroupByMs = performance.now() - t;
  await r.close();
  return { bytesPerReading: tableBytes / readings, queryMs: times.sort((a, b) => a - b)[10]!, points, rawGroupByMs };
}

function writeBytes(): { write: number; wchar: number } {
  const io = Object.fromEntries(readFileSync('/proc/self/io', 'utf8').trim().split('\n').map((l) => l.split(': ')).map(([k, v]) => [k, Number(v)]));
  return { write: io.write_bytes!, wchar: io.wchar! };
}

/** Ten days of 5-minute and hourly statistics for 50 entities, as a hub in steady state has: rollups then touch a page per entity. */
function prefillStatistics(r: Awaited<ReturnType<typeof rig>>) {
  const insert = r.database.sqlite.prepare('INSERT INTO statistics (entity, period, start, mean, min, max, count) VALUES (?, ?, ?, 20, 19, 21, 300)');
  r.database.sqlite.transaction(() => {
    for (let t = T0 - 10 * 86_400_000; t < T0; t += 300_000) {
      for (let e = 1; e <= 50; e++) {
        insert.run(e, 300_000, t);
        if (t % 3_600_000 === 0) insert.run(e, 3_600_000, t);
      }
    }
  });
}

async function diskPerHour() {
  const r = await rig('hour');
  prefillStatistics(r);
  const ids = addSensors(r.kernel, 50);
  const readings = 50 * 3600;
  // 50 sensors at 1 reading/s, committed every 2 s: 100 readings per commit; a warm-up hour, then the measured one
  feed(r, ids, readings, 1000, 100);
  r.database.sqlite.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const before = writeBytes();
  feed(r, ids, readings, 1000, 100);
  r.database.sqlite.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const after = writeBytes();
  await r.close();
  const rawVolume = readings * 20; // entity (4 B) + time (8 B) + value (8 B)
  return { writeBytes: after.write - before.write, wchar: after.wchar - before.wchar, rawVolume };
}

const ing = await ingest();
const month = await thirtyDays();
const hour = await diskPerHour();
rmSync(dir, { recursive: true, force: true });

const rows = [
  ['ingest, raw prepared inserts (rows/s)', Math.round(ing.rawPerS), ''],
  ['ingest through the recorder (rows/s)', Math.round(ing.recorderPerS), `${(ing.ratio * 100).toFixed(0)} % of raw (target ≥ 50 %)`],
  ['ingest incl. kernel state updates (rows/s)', Math.round(ing.throughKernelPerS), `${((ing.throughKernelPerS / ing.rawPerS) * 100).toFixed(0)} % of raw`],
  ['bytes on disk per numeric reading', month.bytesPerReading.toFixed(1), 'target ≤ 40 B'],
  ['30 days @10 s → 1,000 points (ms, median)', month.queryMs.toFixed(2), `${month.points} points; target ≤ 30 ms`],
  ['same span, raw GROUP BY (ms)', month.rawGroupByMs.toFixed(1), 'what statistics avoid'],
  ['disk writes / hour, 50 sensors @1/s (write_bytes)', hour.writeBytes, `${(hour.writeBytes / hour.rawVolume).toFixed(2)} × raw volume ${hour.rawVolume} B`],
  ['bytes passed to write() / hour (wchar)', hour.wchar, `${(hour.wchar / hour.rawVolume).toFixed(2)} × raw volume`],
] as const;
console.table(rows.map(([metric, value, note]) => ({ metric, value, note })));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/recorder.json', `${JSON.stringify({ date: new Date().toISOString(), ingest: ing, month, hour }, null, 2)}\n`);

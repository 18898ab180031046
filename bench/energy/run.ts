/**
 * Energy benchmarks (issue 20 item 8): a year of hourly consumption of 5 meters priced
 * into a year of daily rows (target ≤ 20 ms), and standard-mode TIC frames (one every
 * 2 s) parsed — a whole month — and recorded — one day, a commit per frame — with the
 * CPU per frame. Run: npx tsx bench/energy/run.ts → bench/results/energy.json
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { energySchema } from '../../core/config/index.js';
import { clockOffPeak, tempoColours, type Change } from '../../core/energy/calendar.js';
import { wallClock } from '../../core/energy/local-clock.js';
import { energyRows, type MeterSeries } from '../../core/energy/report.js';
import { electricityTariff, volumeTariff } from '../../core/energy/tariff.js';
import { openDatabase } from '../../core/db/index.js';
import { createRecorder } from '../../core/history/index.js';
import { createKernel } from '../../core/kernel/index.js';
import { silentLogger } from '../../core/log.js';
import { createFrameReader, createSimTicMeter, ticReadings } from '../../hardware/index.js';

const TZ = 'Europe/Paris';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2025-12-31T23:00:00Z');
const END = Date.parse('2026-12-31T23:00:00Z');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function yearOfRows() {
  const config = energySchema.parse({
    electricity: {
      meters: ['sensor.linky_imported'],
      submeters: ['sensor.heat_pump', 'sensor.car'],
      tariff: 'tempo',
      hchp: { offPeak: ['22:00-06:00'], prices: [{ from: '2025-08-01', subscriptionPerMonth: 19.81, hc: 0.1579, hp: 0.2065 }, { from: '2026-02-01', subscriptionPerMonth: 20.1, hc: 0.157, hp: 0.205 }] },
      tempo: { colour: 'sensor.linky_tempo_today', prices: [{ from: '2025-08-01', subscriptionPerMonth: 19.55, blue: { hc: 0.1232, hp: 0.1494 }, white: { hc: 0.1391, hp: 0.173 }, red: { hc: 0.146, hp: 0.6468 } }] },
    },
    water: { meters: ['sensor.water'], prices: [{ from: '2025-01-01', perM3: 4.34 }] },
    gas: { meters: ['sensor.gas'], prices: [{ from: '2025-01-01', perM3: 1.25, subscriptionPerMonth: 10 }] },
  });
  const meter = (entityId: string, kind: MeterSeries['kind'], billed: boolean, perHour: (h: number) => number): MeterSeries => {
    const slots = [];
    for (let t = START, h = 0; t < END; t += HOUR, h++) slots.push({ start: t, end: t + HOUR, amount: perHour(h) });
    return { entityId, kind, billed, slots };
  };
  const series = [
    meter('sensor.linky_imported', 'electricity', true, (h) => 0.4 + (h % 24 > 17 ? 1.2 : 0.3) + (h % 7) / 20),
    meter('sensor.heat_pump', 'electricity', false, (h) => (h % 24 < 7 ? 0.8 : 0.2)),
    meter('sensor.car', 'electricity', false, (h) => (h % 24 === 2 ? 7 : 0)),
    meter('sensor.water', 'water', true, (h) => (h % 24 === 7 ? 0.08 : 0.005)),
    meter('sensor.gas', 'gas', true, (h) => (h % 24 < 8 ? 0.3 : 0.05)),
  ];
  // one colour change a day, as the TIC reports it at 06:00
  const colours: Change[] = [];
  for (let t = START + 5 * HOUR; t < END; t += DAY) colours.push({ ms: t, state: (t / DAY) % 19 < 1 ? 'red' : (t / DAY) % 7 < 1 ? 'white' : 'blue' });
  const run = () => {
    const wall = wallClock(START - DAY, END + DAY, TZ);
    const offPeak = { hchp: clockOffPeak(config.electricity!.hchp!.offPeak as string[], wall), tempo: clockOffPeak(config.electricity!.tempo!.offPeak as string[], wall) };
    const calendar = { wall, offPeak, colour: tempoColours(colours, wall, END) };
    const tariffs = { electricity: electricityTariff('tempo', config.electricity!, calendar), water: volumeTariff(config.water!, wall), gas: volumeTariff(config.gas!, wall) };
    return energyRows({ period: 'day', start: START, end: END, now: END, series, tariffs, wall, timezone: TZ });
  };
  const times: number[] = [];
  // the first runs are still being compiled: a hub answers the Energy view warm
  let rows = run();
  for (let i = 0; i < 3; i++) rows = run();
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    rows = run();
    times.push(performance.now() - t);
  }
  return { rows: rows.length, slots: series.reduce((n, s) => n + s.slots.length, 0), medianMs: median(times), worstMs: Math.max(...times), yearCost: rows.reduce((s, r) => s + r.cost.total, 0) };
}

function frames(count: number, each: (frame: Uint8Array, atMs: number) => void) {
  let va = 800;
  const meter = createSimTicMeter({ powerVA: () => va, startWh: 12_000_000, subscribedKVA: 9, tempo: (at) => ({ today: (at / DAY) % 7 < 1 ? 'white' : 'blue' }) });
  for (let i = 0; i < count; i++) {
    va = 300 + ((i * 37) % 2500);
    const at = START + i * 2000;
    each(meter.frame(at), at);
  }
}

/** Parse only, a month: CPU per frame of the frame reader and the readings. */
function parseMonth() {
  const count = 30 * 24 * 1800;
  const reader = createFrameReader('standard');
  let parseUs = 0;
  let groups = 0;
  frames(count, (bytes) => {
    const t = performance.now();
    for (const f of reader.push(bytes)) {
      groups += f.groups.length;
      ticReadings(f.groups, 'standard');
    }
    parseUs += (performance.now() - t) * 1000;
  });
  return { frames: count, groups, usPerFrame: parseUs / count };
}

/** Parsed and recorded, a day: the plugin's entity updates through the kernel, a recorder commit per frame (one every 2 s). */
async function recordDay() {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-energy-'));
  const clock = { now: START };
  const log = silentLogger();
  const kernel = createKernel(log, () => clock.now);
  const database = openDatabase(join(dir, 'hearth.db'));
  const recorder = createRecorder({ kernel, database, log, options: { commitIntervalS: 2, keepDays: 60, now: () => clock.now, timezone: TZ } });
  await recorder.start();
  await recorder.maintain();
  const ids = { importedKWh: 'sensor.linky_imported', apparentPowerVA: 'sensor.linky_power', currentA: 'sensor.linky_current', voltageV: 'sensor.linky_voltage', tempoToday: 'sensor.linky_tempo_today' } as const;
  for (const id of Object.values(ids)) kernel.states.init(kernel.registry.add({ id, owner: 'bench' }), id.endsWith('tempo_today') ? { deviceClass: 'enum', options: ['blue', 'white', 'red'] } : { stateClass: id.endsWith('imported') ? 'total_increasing' : 'measurement' });
  const reader = createFrameReader('standard');
  const count = 24 * 1800;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  frames(count, (bytes, at) => {
    clock.now = at;
    for (const f of reader.push(bytes)) {
      const r = ticReadings(f.groups, 'standard');
      for (const [key, id] of Object.entries(ids)) {
        const value = r[key as keyof typeof ids];
        if (value !== undefined) kernel.states.update(id, { state: value });
      }
    }
    recorder.flush();
  });
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  await recorder.stop();
  database.close();
  rmSync(dir, { recursive: true, force: true });
  return { frames: count, usPerFrameCpu: (used.user + used.system) / count, usPerFrameWall: (wallMs * 1000) / count };
}

const daily = yearOfRows();
const parse = parseMonth();
const record = await recordDay();
const results = { measuredAt: new Date().toISOString(), node: process.version, dailyRows: daily, ticParseMonth: parse, ticRecordDay: record };
console.table([
  { metric: 'a year of hourly slots, 5 meters → daily rows with cost per period (median)', value: `${daily.medianMs.toFixed(1)} ms (${daily.slots} slots → ${daily.rows} rows; worst ${daily.worstMs.toFixed(1)} ms)`, target: '≤ 20 ms' },
  { metric: 'TIC standard frames parsed, a month at one per 2 s', value: `${parse.frames} frames, ${parse.usPerFrame.toFixed(1)} µs per frame`, target: '—' },
  { metric: 'TIC frames parsed and recorded (5 entities, a commit per frame), a day', value: `${record.usPerFrameCpu.toFixed(0)} µs CPU per frame (${record.usPerFrameWall.toFixed(0)} µs wall) = ${((record.usPerFrameCpu / 2_000_000) * 100).toFixed(3)} % of a core at one frame per 2 s`, target: '—' },
]);
mkdirSync(join(import.meta.dirname, '..', 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, '..', 'results', 'energy.json'), `${JSON.stringify(results, null, 2)}\n`);

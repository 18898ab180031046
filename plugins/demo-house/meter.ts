import { createSimTicMeter, type Pca9685Emulator, type TempoColour } from '../../hardware/index.js';
import type { PluginTimers, SimBoard } from '../../core/plugin-api.js';
import { demoPowerVA } from './consumption.js';
import type { DemoHouseConfig } from './schema.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A made-up Tempo calendar: a day's colour from its number, a Tempo day running 06:00 to 06:00 (UTC+1). */
function demoColour(day: number): TempoColour {
  if (day % 19 === 4) return 'red';
  return day % 7 === 2 || day % 11 === 5 ? 'white' : 'blue';
}

function demoTempo(atMs: number): { today: TempoColour; tomorrow?: TempoColour } {
  const day = Math.floor((atMs + HOUR_MS - 6 * HOUR_MS) / DAY_MS);
  // tomorrow's colour is announced from 11:00
  const knowsTomorrow = atMs + HOUR_MS - day * DAY_MS >= 11 * HOUR_MS;
  return { today: demoColour(day), ...(knowsTomorrow && { tomorrow: demoColour(day + 1) }) };
}

/**
 * The house's Linky: a standard-mode frame on the meter's sim serial port every `everyS`,
 * its power the sum of what the sim runs now. Frames sent while no one has the port open
 * are lost, as on a real TIC line.
 */
export function startDemoMeter(sim: SimBoard, timers: PluginTimers, config: NonNullable<DemoHouseConfig['meter']>, dimmers: ReadonlyMap<number, Pca9685Emulator>): () => void {
  const powerVA = (): number =>
    demoPowerVA({
      baseVA: config.baseVA,
      heaterVA: config.heaterVA,
      heatingRooms: sim.environment.rooms().filter((r) => r.heating()).length,
      switched: config.switched.map((s) => ({ va: s.va, on: sim.level(s.line) === (s.activeLow ? 0 : 1) })),
      dimmed: config.dimmed.map((d) => ({ va: d.va, duty: dimmers.get(d.address)?.duty(d.channel) ?? 0 })),
    });
  const meter = createSimTicMeter({ powerVA, startWh: config.startKWh * 1000, subscribedKVA: config.subscribedKVA, ...(config.tempo && { tempo: demoTempo }) });
  const send = (): void => void sim.serial.send(config.port, meter.frame(sim.clock.now()));
  const tick = timers.setInterval(send, config.everyS * 1000);
  return () => tick.cancel();
}

import { createSimTicMeter, type Pca9685Emulator } from '../../hardware/index.js';
import type { PluginTimers, SimBoard } from '../../core/plugin-api.js';
import { demoPowerVA } from './consumption.js';
import type { DemoHouseConfig } from './schema.js';

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
  const meter = createSimTicMeter({ powerVA, startWh: config.startKWh * 1000, subscribedKVA: config.subscribedKVA });
  const send = (): void => void sim.serial.send(config.port, meter.frame(sim.clock.now()));
  const tick = timers.setInterval(send, config.everyS * 1000);
  return () => tick.cancel();
}

/**
 * `demo-house`: wires chip emulators and physics onto the simulated board and plays a
 * lived-in day on it — people walking past, a door, showers, the sun — so the demo house
 * (examples/demo-house.yaml) feels real. The device plugins read it like real hardware.
 * List it first, so its chips are on the bus before the device plugins probe them.
 */
import { createBh1750Emulator, createBme280Emulator, createPca9685Emulator, createSht31Emulator, type Pca9685Emulator } from '../../hardware/index.js';
import { definePlugin, type SimBoard } from '../../core/plugin-api.js';
import { demoHouseSchema, type DemoHouseConfig } from './schema.js';
import { startDemoMeter } from './meter.js';
import { addFilPiloteRadiator } from './radiator.js';
import { draw, pulseLine, recurring } from './script.js';
import { startDemoWaterMeter } from './water.js';
import { startWeatherStandIn } from './weather-stand-in.js';

function climateOf(sim: SimBoard, room: string) {
  return () => (room === 'outdoor' ? sim.environment.outdoor() : sim.environment.room(room).climate());
}

/** Attaches the chips; the PCA9685s by address in `dimmers`, for the meter to read their duty. */
function attachChips(sim: SimBoard, config: DemoHouseConfig, dimmers: Map<number, Pca9685Emulator>): (() => void)[] {
  return config.chips.map((c) => {
    switch (c.chip) {
      case 'bme280':
        return sim.attachI2c(c.bus, c.address, createBme280Emulator({ climate: climateOf(sim, c.room) }));
      case 'sht31':
        return sim.attachI2c(c.bus, c.address, createSht31Emulator({ climate: climateOf(sim, c.room) }));
      case 'bh1750':
        return sim.attachI2c(c.bus, c.address, createBh1750Emulator({ lux: () => sim.environment.outdoor().lux }));
      case 'pca9685': {
        const chip = createPca9685Emulator();
        dimmers.set(c.address, chip);
        return sim.attachI2c(c.bus, c.address, chip);
      }
      case 'ds18b20':
        return sim.attachDs18b20(c.id, { temperatureC: () => climateOf(sim, c.room)().temperatureC }).detach;
    }
  });
}

export default definePlugin({
  manifest: {
    id: 'demo-house',
    name: 'Demo house',
    version: '1.0.0',
    apiVersion: 1,
    description: 'Simulated wiring and a scripted day for the sim backend: motion, a door, rain, the sun, a Linky meter, a water meter.',
  },
  config: demoHouseSchema,
  async setup(ctx) {
    const sim = ctx.hardware.sim;
    if (!sim) throw new Error("demo-house drives the simulated board; set 'hardware: { backend: sim }'");
    const { config } = ctx;
    sim.clock.setSpeed(config.clockSpeed);
    const dimmers = new Map<number, Pca9685Emulator>();
    const detach = attachChips(sim, config, dimmers);
    for (const s of config.shutters) {
      const motor = sim.addShutter(s);
      detach.push(motor.dispose);
    }
    for (const h of config.heaters) detach.push(sim.addHeater(h));
    for (const r of config.radiators) detach.push(addFilPiloteRadiator(sim, ctx.timers, r));
    if (config.meter) detach.push(startDemoMeter(sim, ctx.timers, config.meter, dimmers));
    if (config.waterMeter) detach.push(startDemoWaterMeter(sim, ctx.timers, config.waterMeter));
    ctx.onStop(() => detach.forEach((d) => d()));

    for (const m of config.motion) recurring(ctx.timers, m.everyS, pulseLine(sim, m.line, m.holdS * 1000), () => sim.drive(m.line, 0));
    for (const d of config.doors) recurring(ctx.timers, d.everyS, pulseLine(sim, d.line, d.openS * 1000), () => sim.drive(d.line, 0));
    const rain = config.rain;
    if (rain) {
      detach.push(sim.addRainSensor({ line: rain.line }));
      recurring(
        ctx.timers,
        rain.everyS,
        () => {
          sim.environment.setCloudCover(0.9);
          sim.environment.setRain(true);
          return draw(rain.lastsS);
        },
        () => {
          sim.environment.setRain(false);
          sim.environment.setCloudCover(Math.random() * 0.5);
        },
      );
    }
    if (config.weatherStandIn) {
      const { port, host } = config.weatherStandIn;
      const standIn = await startWeatherStandIn(sim.environment, {
        port,
        host,
        onListenError: (err) => ctx.log.warn({ err: err.message }, `the weather stand-in cannot listen on ${host}:${port}; open-meteo gets its forecast from whoever does`),
      });
      ctx.onStop(standIn.close);
    }
  },
});

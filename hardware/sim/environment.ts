import { getPosition } from 'suncalc';
import type { Climate } from '../drivers/bme280-compensate.js';
import type { Unwatch } from '../gpio.js';
import type { SimClock } from './clock.js';
import { clearSkyLux, diurnalTemperature, skyFactor } from './daylight.js';

export interface SimRoomOptions {
  temperatureC?: number;
  humidityPct?: number;
  /** Where the room settles with no heating, as a mix of this and outdoor air. Default 18 °C. */
  freeRunningC?: number;
  /** Degrees a running heater adds to the settling point. Default 8. */
  heaterDeltaC?: number;
  /** First-order time constant in simulated hours. Default 3. */
  timeConstantH?: number;
}

export interface SimRoom {
  readonly name: string;
  climate(): Climate;
  /** Force values now (tests); the thermal model continues from there. */
  set(values: { temperatureC?: number; humidityPct?: number }): void;
  setHeating(on: boolean): void;
  heating(): boolean;
}

export interface OutdoorState extends Climate {
  lux: number;
  raining: boolean;
  sunAltitudeDeg: number;
}

export interface SimEnvironment {
  readonly latitude: number;
  readonly longitude: number;
  readonly clock: SimClock;
  /** The named room, created with `options` on first use. */
  room(name: string, options?: SimRoomOptions): SimRoom;
  rooms(): SimRoom[];
  outdoor(): OutdoorState;
  /** The outdoor temperature model at a simulated instant (an override holds for all): what a forecast of this weather reads. */
  outdoorTemperatureAt(at: number): number;
  /** Overrides; `null` returns a value to its model (diurnal curve, sun). */
  setOutdoor(values: { temperatureC?: number | null; humidityPct?: number; pressureHpa?: number; lux?: number | null }): void;
  setCloudCover(fraction: number): void;
  setRain(raining: boolean): void;
  /** Called when rain starts or stops (rain sensors on input lines follow it). */
  onRainChange(cb: (raining: boolean) => void): Unwatch;
}

export interface SimEnvironmentOptions {
  clock: SimClock;
  /** Default Paris, like the example config. */
  latitude?: number;
  longitude?: number;
  outdoorMeanC?: number;
  outdoorAmplitudeC?: number;
}

const HOUR = 3_600_000;
const STEP = 5 * 60_000;

export function createSimEnvironment(options: SimEnvironmentOptions): SimEnvironment {
  const { clock } = options;
  const latitude = options.latitude ?? 48.85;
  const longitude = options.longitude ?? 2.35;
  const rooms = new Map<string, SimRoom>();
  const rainWatchers = new Set<(raining: boolean) => void>();
  let outdoorTempOverride: number | null = null;
  let luxOverride: number | null = null;
  let outdoorHumidity = 70;
  let pressureHpa = 1013.25;
  let cloudCover = 0;
  let raining = false;

  const outdoorTemperature = (at: number): number =>
    outdoorTempOverride ?? diurnalTemperature(at, longitude, options.outdoorMeanC ?? 10, options.outdoorAmplitudeC ?? 5);

  const createRoom = (name: string, o: SimRoomOptions): SimRoom => {
    let t = o.temperatureC ?? 20;
    let humidity = o.humidityPct ?? 45;
    let heating = false;
    let last = clock.now();
    const tauMs = (o.timeConstantH ?? 3) * HOUR;
    // Integrate lazily, in steps short enough to follow the outdoor curve; the model has
    // no timers of its own, so nothing leaks and fake timers need no extra ticks.
    const update = (): void => {
      const now = clock.now();
      if (now - last > 7 * 24 * HOUR) last = now - 7 * 24 * HOUR; // a week settles anything
      while (last < now) {
        const dt = Math.min(STEP, now - last);
        const target = 0.7 * (o.freeRunningC ?? 18) + 0.3 * outdoorTemperature(last) + (heating ? (o.heaterDeltaC ?? 8) : 0);
        t += (target - t) * (1 - Math.exp(-dt / tauMs));
        last += dt;
      }
      last = now; // the clock may have been set backwards
    };
    return {
      name,
      climate() {
        update();
        return { temperatureC: t, humidityPct: humidity, pressureHpa };
      },
      set(values) {
        update();
        if (values.temperatureC !== undefined) t = values.temperatureC;
        if (values.humidityPct !== undefined) humidity = values.humidityPct;
      },
      setHeating(on) {
        update();
        heating = on;
      },
      heating: () => heating,
    };
  };

  return {
    latitude,
    longitude,
    clock,
    room(name, roomOptions = {}) {
      let room = rooms.get(name);
      if (!room) {
        room = createRoom(name, roomOptions);
        rooms.set(name, room);
      }
      return room;
    },
    rooms: () => [...rooms.values()],
    outdoor() {
      const now = clock.now();
      // suncalc 2 returns the apparent altitude in degrees (1.x and @types/suncalc: radians).
      const altitudeDeg = getPosition(new Date(now), latitude, longitude).altitude;
      return {
        temperatureC: outdoorTemperature(now),
        humidityPct: raining ? 95 : outdoorHumidity,
        pressureHpa,
        lux: luxOverride ?? clearSkyLux(altitudeDeg) * skyFactor(cloudCover, raining),
        raining,
        sunAltitudeDeg: altitudeDeg,
      };
    },
    outdoorTemperatureAt: outdoorTemperature,
    setOutdoor(values) {
      // Rooms must integrate up to now under the old outdoor temperature first.
      for (const room of rooms.values()) room.climate();
      if (values.temperatureC !== undefined) outdoorTempOverride = values.temperatureC;
      if (values.humidityPct !== undefined) outdoorHumidity = values.humidityPct;
      if (values.pressureHpa !== undefined) pressureHpa = values.pressureHpa;
      if (values.lux !== undefined) luxOverride = values.lux;
    },
    setCloudCover(fraction) {
      cloudCover = Math.min(1, Math.max(0, fraction));
    },
    setRain(on) {
      if (on === raining) return;
      raining = on;
      for (const cb of [...rainWatchers]) cb(on);
    },
    onRainChange(cb) {
      rainWatchers.add(cb);
      return () => {
        rainWatchers.delete(cb);
      };
    },
  };
}

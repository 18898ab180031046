import type { Level, Unwatch } from '../gpio.js';
import type { Hardware } from '../types.js';
import { assembleHardware } from '../hub/assemble.js';
import { createSimClock, type SimClock, type SimClockOptions } from './clock.js';
import { createSimEnvironment, type SimEnvironment } from './environment.js';
import { createSimPins, type SimLineInfo } from './gpio.js';
import { createSimI2c, type SimI2cDevice } from './i2c.js';
import { createSimSocPwm, type SimPwmInfo } from './pwm.js';
import { createSimSerial, type SimSerial } from './serial.js';
import { createSimOneWire, type SimDs18b20, type SimDs18b20Options } from './onewire.js';
import { createSimShutter, type SimShutter, type SimShutterOptions } from './physics/shutter.js';

/** The simulated board: what tests, the API and the dashboard's simulator panel drive. */
export interface SimBoard {
  /** Every line touched so far, physical levels (an active-low relay that is on reads 0). */
  lines(): SimLineInfo[];
  /** Drive an input line to a physical level, as a sensor or a button would. */
  drive(line: number, value: Level): void;
  /** Physical level of any line. */
  level(line: number): Level;
  /** Names what is wired to a line, for people driving the board (the simulator panel). */
  label(line: number, text: string): void;
  /** The SoC PWM channels opened so far (`{ chip: sysfs }` specs): duty, frequency, enabled. */
  pwm(): SimPwmInfo[];
  /** Called on every physical level change of any line. */
  onLineChange(cb: (line: number, value: Level, atMs: number) => void): Unwatch;

  /** Simulated wall clock behind the sun and the thermal models. */
  readonly clock: SimClock;
  /** Rooms, outdoor weather, daylight, rain. */
  readonly environment: SimEnvironment;
  /** Put a chip emulator (see `createBme280Emulator` …) at an address; returns detach. */
  attachI2c(busNumber: number, address: number, device: SimI2cDevice): Unwatch;
  /** Every transfer to the address fails with `error` (a loose wire); `null` heals it. */
  setI2cFault(busNumber: number, address: number, error: Error | null): void;
  /** A DS18B20 on the 1-Wire bus, id `28-` + 12 hex digits. */
  attachDs18b20(id: string, options: SimDs18b20Options): SimDs18b20;
  /** Serial devices: bytes in as if a device sent them, the cable pulled out. */
  readonly serial: SimSerial;
  /** A shutter motor behind relays on `upLine` / `downLine`. */
  addShutter(options: SimShutterOptions): SimShutter;
  /** A heater relay on an output line: while energised, the room warms. */
  addHeater(options: { line: number; room: string; activeLow?: boolean }): Unwatch;
  /** An input line that follows `environment.setRain` (a rain sensor's dry contact). */
  addRainSensor(options: { line: number; activeLow?: boolean }): Unwatch;
}

export interface SimBoardOptions {
  clock?: SimClockOptions;
  /** Location for the sun; default Paris. */
  latitude?: number;
  longitude?: number;
  outdoorMeanC?: number;
  outdoorAmplitudeC?: number;
  /** Lines 0 … lineCount−1 exist. Default 28 (BCM 0–27 on the header). */
  lineCount?: number;
  /** Errors thrown by watch callbacks (they never stop other watchers). */
  onWatchError?: (err: unknown) => void;
}

export interface SimHardware extends Hardware {
  readonly backend: 'sim';
  readonly sim: SimBoard;
}

/** Whether `hardware` is a simulated board (whose `sim` drives inputs and reads outputs). */
export function isSimHardware(hardware: Hardware): hardware is SimHardware {
  return hardware.backend === 'sim' && 'sim' in hardware;
}

/** A ready simulated board with nothing attached; wire chips and physics through `.sim`. */
export function createSimBoard(options: SimBoardOptions = {}): SimHardware {
  const pins = createSimPins({ lineCount: options.lineCount, onWatchError: options.onWatchError });
  const i2c = createSimI2c();
  const oneWire = createSimOneWire();
  const socPwm = createSimSocPwm();
  const serial = createSimSerial();
  const clock = createSimClock(options.clock);
  const environment = createSimEnvironment({
    clock,
    latitude: options.latitude,
    longitude: options.longitude,
    outdoorMeanC: options.outdoorMeanC,
    outdoorAmplitudeC: options.outdoorAmplitudeC,
  });

  const sim: SimBoard = {
    lines: pins.lines,
    drive: pins.drive,
    level: pins.level,
    label: pins.label,
    onLineChange: pins.onLineChange,
    pwm: socPwm.channels,
    clock,
    environment,
    attachI2c: i2c.attach,
    setI2cFault: i2c.setFault,
    attachDs18b20: oneWire.attach,
    serial: serial.sim,
    addShutter: (o) => createSimShutter(pins, o),
    addHeater({ line, room, activeLow = false }) {
      pins.level(line); // validates the line number now, not at the first edge
      const r = environment.room(room);
      const follow = (value: Level): void => r.setHeating(value === (activeLow ? 0 : 1));
      follow(pins.level(line));
      return pins.onLineChange((l, value) => l === line && follow(value));
    },
    addRainSensor({ line, activeLow = false }) {
      const follow = (raining: boolean): void => pins.drive(line, (raining !== activeLow ? 1 : 0) as Level);
      follow(environment.outdoor().raining);
      return environment.onRainChange(follow);
    },
  };

  const hardware = assembleHardware({
    backend: 'sim',
    header: { open: pins.gpio.open, closeAll: pins.closeAll },
    i2c: (busNumber) => i2c.bus(busNumber),
    closeBuses: () => i2c.closeAll(),
    oneWire: oneWire.oneWire,
    serial: serial.serial,
    closeSerial: serial.closeAll,
    socPwm,
  });
  return { ...hardware, sim };
}

/**
 * The hardware abstraction layer: the only hardware surface plugins and drivers see.
 * Contract: DESIGN §4.
 */
import type { Gpio, Level, Unwatch } from './gpio.js';
import type { I2cBus } from './i2c.js';
import type { OneWire } from './onewire.js';

export type { Edge, Gpio, GpioLine, GpioOpenOptions, Level, Unwatch } from './gpio.js';
export type { I2cBus } from './i2c.js';
export type { OneWire } from './onewire.js';

export type HardwareBackend = 'linux' | 'sim';

export interface HardwareOptions {
  backend: 'auto' | HardwareBackend;
  /** Root of the sysfs tree (tests point it at a fixture). Default `/sys`. */
  sysfsRoot?: string;
}

/** One line of the simulated board as a multimeter would see it: physical levels. */
export interface SimLineInfo {
  line: number;
  direction: 'in' | 'out';
  value: Level;
}

/** The simulated board: what tests, the API and the dashboard's simulator panel drive. */
export interface SimBoard {
  lines(): SimLineInfo[];
  /** Drive an input line to a physical level, as a sensor or a button would. */
  drive(line: number, value: Level): void;
  /** Physical level of any line. */
  level(line: number): Level;
  /** Called on every physical level change of any line. */
  onLineChange(cb: (line: number, value: Level, atMs: number) => void): Unwatch;
}

export interface Hardware {
  readonly backend: HardwareBackend;
  readonly gpio: Gpio;
  i2c(busNumber: number): I2cBus;
  readonly oneWire: OneWire;
  /** Present on the sim backend only. */
  readonly sim?: SimBoard;
  /** Closes every line and bus; outputs are left at their safe (inactive) level. */
  close(): Promise<void>;
}

export { openHardware } from './open.js';

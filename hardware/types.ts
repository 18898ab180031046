import type { Gpio } from './gpio.js';
import type { I2cBus } from './i2c.js';
import type { Pwm } from './pwm.js';
import type { OneWire } from './onewire.js';
import type { SimBoard, SimBoardOptions } from './sim/board.js';
import type { OnoffModule } from './linux/onoff-adapter.js';
import type { I2cBusModule } from './linux/i2c.js';

export type HardwareBackend = 'linux' | 'sim';

export interface HardwareOptions {
  backend: 'auto' | HardwareBackend;
  /** Root of the sysfs tree (tests point it at a fixture). Default `/sys`. */
  sysfsRoot?: string;
  /** Sim backend: clock, location, line count. */
  sim?: SimBoardOptions;
  /** Linux backend: replacements for the native modules (tests inject fakes). */
  modules?: { onoff?: OnoffModule; i2cBus?: I2cBusModule };
  /** Errors thrown by watch callbacks; they never stop other watchers. */
  onWatchError?: (err: unknown) => void;
}

export interface Hardware {
  readonly backend: HardwareBackend;
  /** Header lines and expander lines. */
  readonly gpio: Gpio;
  /** PWM outputs (PCA9685 channels). */
  readonly pwm: Pwm;
  i2c(busNumber: number): I2cBus;
  readonly oneWire: OneWire;
  /** Present on the sim backend only. */
  readonly sim?: SimBoard;
  /**
   * Drives every output the hub opened to its safe level (header lines and expander
   * latches inactive, PWM channels at duty 0), then closes the buses. Safe to call twice.
   */
  close(): Promise<void>;
}

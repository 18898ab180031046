import type { Gpio } from './gpio.js';
import type { I2cBus } from './i2c.js';
import type { Pwm } from './pwm.js';
import type { OneWire } from './onewire.js';
import type { Serial } from './serial.js';

/** `linux`: GPIO through sysfs; `gpiod`: through the character device (bias, kernel timestamps); `sim`: the simulated board. */
export type HardwareBackend = 'linux' | 'gpiod' | 'sim';

export interface Hardware {
  readonly backend: HardwareBackend;
  /** Header lines and expander lines. */
  readonly gpio: Gpio;
  /** PWM outputs (PCA9685 channels). */
  readonly pwm: Pwm;
  i2c(busNumber: number): I2cBus;
  readonly oneWire: OneWire;
  /** Serial ports (a Linky meter's TIC adapter …); closed with the hardware. */
  readonly serial: Serial;
  /**
   * Drives every output the hub opened to its safe level (header lines and expander
   * latches inactive, PWM channels at duty 0), then closes the buses. Safe to call twice.
   */
  close(): Promise<void>;
}

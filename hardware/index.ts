/**
 * The hardware abstraction layer: the only hardware surface plugins and drivers see,
 * published as `hearth/hardware` (DESIGN §4): the HAL interfaces, the chip drivers,
 * line-spec parsing and calibration helpers; the simulated board's chip emulators and
 * physics for tests and the demo house. What only the hub uses (opening a backend,
 * releasing outputs, test stand-ins) is in hardware/hub.ts, outside the package.
 */
export type { Edge, Gpio, GpioLine, GpioOpenOptions, Level, Unwatch } from './gpio.js';
export type { Pwm, PwmChannel } from './pwm.js';
export type { I2cBus } from './i2c.js';
/** Line-spec parsing: the `line:` and PWM channel syntax of every config, as zod schemas. */
export {
  headerLineSchema, expanderLineSchema, lineSpecSchema, biasSchema, inputLineShape, pwmSpecSchema, pca9685SpecSchema, sysfsPwmSpecSchema, parseLineSpec, parsePwmSpec, describeLine, describePwm,
  type LineSpec, type ExpanderLine, type Bias, type DeclaredInput, type PwmSpec, type PwmChannelSpec, type SysfsPwmChannelSpec,
} from './line-spec.js';
export type { OneWire } from './onewire.js';
export type { Serial, SerialPort, SerialOptions, SerialParity } from './serial.js';
export type { Hardware, HardwareBackend } from './types.js';
export { HardwareError, type HardwareErrorCode } from './errors.js';
export { calibrationSchema, createReadingFilter, QUANTITIES, type Calibration, type Quantity, type QuantityName } from './calibration.js';
export type { DeclaredOutput } from './release.js';
export * from './sim/index.js';
export * from './drivers/index.js';

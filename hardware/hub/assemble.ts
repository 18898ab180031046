import type { Gpio, HeaderGpio } from '../gpio.js';
import type { I2cBus } from '../i2c.js';
import type { OneWire } from '../onewire.js';
import type { Serial } from '../serial.js';
import type { SocPwm } from '../pwm.js';
import type { Hardware, HardwareBackend } from '../types.js';
import { parseLineSpec } from '../line-spec.js';
import { createExpanderPool } from './expanders.js';
import { createPwmPool } from './pwm-channels.js';

/** What a backend provides; the chips the hub owns are layered on top of it the same way for every backend. */
export interface BackendParts<B extends HardwareBackend> {
  backend: B;
  header: HeaderGpio;
  i2c(busNumber: number): I2cBus;
  closeBuses(): Promise<void>;
  oneWire: OneWire;
  serial: Serial;
  /** Closes the serial ports still open. */
  closeSerial(): Promise<void>;
  /** The SoC's own PWM channels (`{ chip: sysfs }` specs). */
  socPwm: SocPwm;
}

export function assembleHardware<B extends HardwareBackend>(parts: BackendParts<B>): Hardware & { readonly backend: B } {
  const expanders = createExpanderPool(parts.i2c);
  const pwm = createPwmPool(parts.i2c, parts.socPwm);
  const gpio: Gpio = {
    open(line, options) {
      // A header number is checked by the backend, which knows how many lines its chip has.
      const spec = typeof line === 'number' ? line : parseLineSpec(line);
      return typeof spec === 'number' ? parts.header.open(spec, options) : expanders.open(spec, options);
    },
  };
  return {
    backend: parts.backend,
    gpio,
    pwm,
    i2c: parts.i2c,
    oneWire: parts.oneWire,
    serial: parts.serial,
    async close() {
      // Every output is released while the buses are still open (latches and duty
      // registers are written over I2C), and one that fails does not stop the others.
      const results = await Promise.allSettled([expanders.release(), pwm.release(), parts.header.closeAll()]);
      await Promise.allSettled([parts.closeBuses(), parts.closeSerial()]);
      const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      if (errors.length) throw new AggregateError(errors, 'some outputs could not be released');
    },
  };
}

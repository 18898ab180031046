import type { GpioLine, GpioOpenOptions } from '../gpio.js';
import type { I2cBus } from '../i2c.js';
import type { ExpanderLine } from '../line-spec.js';
import { describeLine } from '../line-spec.js';
import { HardwareError } from '../errors.js';
import { openMcp23017, type Mcp23017 } from '../drivers/mcp23017.js';
import { deferredLine } from '../deferred-line.js';

export interface ExpanderPool {
  open(spec: ExpanderLine, options: GpioOpenOptions): GpioLine;
  /** Writes every output latch to its safe level; later opens fail. */
  release(): Promise<void>;
}

/**
 * One MCP23017 driver per (bus, address) per hub. Two drivers on one chip would each
 * keep their own shadow of the output latch and overwrite each other's relays, and a
 * driver the hub does not know of is a latch nobody releases on a crash.
 */
export function createExpanderPool(i2c: (busNumber: number) => I2cBus): ExpanderPool {
  const chips = new Map<string, Promise<Mcp23017>>();
  let released = false;

  const chip = (spec: ExpanderLine): Promise<Mcp23017> => {
    const key = `${spec.bus}:${spec.address}`;
    let opening = chips.get(key);
    if (!opening) {
      const started = openMcp23017(i2c(spec.bus), spec.address);
      // A chip that did not answer is probed again by the next open (a plugin restart).
      started.catch(() => chips.get(key) === started && chips.delete(key));
      chips.set(key, (opening = started));
    }
    return opening;
  };

  return {
    open(spec, options) {
      if (released) throw new HardwareError('closed', `${describeLine(spec)}: the hardware is closed`);
      return deferredLine(spec.pin, options.direction, chip(spec).then((c) => c.open(spec.pin, options)));
    },
    async release() {
      released = true;
      const opened = [...chips.values()];
      chips.clear();
      const results = await Promise.allSettled(opened.map((p) => p.then((c) => c.close(), () => undefined)));
      const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      if (errors.length) throw new AggregateError(errors, 'some expander outputs could not be released');
    },
  };
}

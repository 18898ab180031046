import type { GpioLine, Hardware, I2cBus } from '../../hardware/index.js';
import type { PluginHardware } from '../plugin-api.js';

/** Wraps a plugin callback so a throw inside it fails the plugin, not the hub. */
export type CallbackGuard = (where: string, fn: () => void | Promise<void>) => () => void;

export interface TrackedHardware {
  readonly hardware: PluginHardware;
  /** Closes every line the plugin opened; outputs fall back to their safe level. */
  release(): Promise<void>;
}

/**
 * The hardware a plugin sees: the same interfaces, but the host knows every line it
 * opened so it can release them when the plugin stops or fails. I2C buses are shared
 * between plugins, so a plugin cannot close one under another's feet.
 */
export function trackHardware(hw: Hardware, guard: CallbackGuard): TrackedHardware {
  const lines = new Set<GpioLine>();
  const buses = new Map<number, I2cBus>();
  const gpio = {
    open(line: number, options: Parameters<Hardware['gpio']['open']>[1]): GpioLine {
      const opened = hw.gpio.open(line, options);
      lines.add(opened);
      return {
        line: opened.line,
        direction: opened.direction,
        read: () => opened.read(),
        write: (value) => opened.write(value),
        watch: (cb) => opened.watch((value, atMs) => guard(`watch of line ${line}`, () => cb(value, atMs))()),
        close: () => (lines.delete(opened), opened.close()),
      };
    },
  };
  const i2c = (busNumber: number): I2cBus => {
    let bus = buses.get(busNumber);
    if (!bus) buses.set(busNumber, (bus = { ...sharedBus(hw.i2c(busNumber)), close: async () => {} }));
    return bus;
  };
  return {
    hardware: { backend: hw.backend, gpio, i2c, oneWire: hw.oneWire, ...(hw.sim && { sim: hw.sim }) },
    async release() {
      const open = [...lines];
      lines.clear();
      await Promise.allSettled(open.map((l) => l.close()));
    },
  };
}

/** Binds the bus methods so spreading them keeps `this`. */
function sharedBus(bus: I2cBus): I2cBus {
  return {
    busNumber: bus.busNumber,
    readByte: bus.readByte.bind(bus),
    writeByte: bus.writeByte.bind(bus),
    readBlock: bus.readBlock.bind(bus),
    writeBlock: bus.writeBlock.bind(bus),
    read: bus.read.bind(bus),
    write: bus.write.bind(bus),
    scan: bus.scan.bind(bus),
    close: bus.close.bind(bus),
  };
}

import { describeLine, isSimHardware, type GpioLine, type Hardware, type I2cBus, type PwmChannel, type SerialPort } from '../../hardware/index.js';
import type { PluginHardware } from '../plugin-api.js';

/** Wraps a plugin callback so a throw inside it fails the plugin, not the hub. */
export type CallbackGuard = (where: string, fn: () => void | Promise<void>) => () => void;

export interface TrackedHardware {
  readonly hardware: PluginHardware;
  /** Closes every line and PWM channel the plugin opened; outputs fall back to their safe level. */
  release(): Promise<void>;
}

/**
 * The hardware a plugin sees: the same interfaces, but the host knows every line
 * (header or expander) and every PWM channel it opened, so it can release them when
 * the plugin stops or fails. I2C buses are shared between plugins, so a plugin cannot
 * close one under another's feet.
 */
export function trackHardware(hw: Hardware, guard: CallbackGuard): TrackedHardware {
  const lines = new Set<GpioLine>();
  const channels = new Set<PwmChannel>();
  const buses = new Map<number, I2cBus>();
  const ports = new Set<SerialPort>();
  const serial: PluginHardware['serial'] = {
    async open(path, options) {
      const opened = await hw.serial.open(path, options);
      ports.add(opened);
      opened.onClose(() => ports.delete(opened));
      return {
        path,
        onData: (cb) => opened.onData((bytes) => guard(`data from ${path}`, () => cb(bytes))()),
        onClose: (cb) => opened.onClose((error) => guard(`close of ${path}`, () => cb(error))()),
        write: (bytes) => opened.write(bytes),
        close: () => opened.close(),
      };
    },
  };
  const gpio: PluginHardware['gpio'] = {
    open(line, options) {
      const opened = hw.gpio.open(line, options);
      lines.add(opened);
      const where = `watch of ${describeLine(line)}`;
      return {
        line: opened.line,
        direction: opened.direction,
        read: () => opened.read(),
        write: (value) => opened.write(value),
        watch: (cb) => opened.watch((value, atMs) => guard(where, () => cb(value, atMs))()),
        close: () => (lines.delete(opened), opened.close()),
      };
    },
  };
  const pwm: PluginHardware['pwm'] = {
    open(spec) {
      const opened = hw.pwm.open(spec);
      channels.add(opened);
      return {
        spec: opened.spec,
        set: (duty) => opened.set(duty),
        close: () => (channels.delete(opened), opened.close()),
      };
    },
  };
  const i2c = (busNumber: number): I2cBus => {
    let bus = buses.get(busNumber);
    if (!bus) buses.set(busNumber, (bus = { ...sharedBus(hw.i2c(busNumber)), close: async () => {} }));
    return bus;
  };
  return {
    hardware: { backend: hw.backend, gpio, pwm, i2c, oneWire: hw.oneWire, serial, ...(isSimHardware(hw) && { sim: hw.sim }) },
    async release() {
      const open = [...lines, ...channels, ...ports];
      lines.clear();
      channels.clear();
      ports.clear();
      await Promise.allSettled(open.map((o) => o.close()));
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

import type { Hardware } from '../types.js';
import type { HeaderGpio } from '../gpio.js';
import type { I2cBus } from '../i2c.js';
import { assembleHardware } from '../hub/assemble.js';
import { detectHeaderChip } from './sysfs-chips.js';
import { createLinuxGpio } from './gpio.js';
import { createLinuxI2cBus, loadI2cBus, type I2cBusModule, type LinuxI2cOptions } from './i2c.js';
import { loadOnoff, type OnoffModule } from './onoff-adapter.js';
import { createSysfsOneWire } from './onewire.js';
import { createSysfsPwm } from './sysfs-pwm.js';
import { GPIOD_POLL_MS, loadGpiodBinding, type GpiodBinding } from './gpiod-binding.js';
import { findGpiodHeaderChip } from './gpiod-chips.js';
import { createGpiodGpio } from './gpiod.js';
import { createLinuxSerial, type SerialModule } from './serial.js';

export type { OnoffModule, OnoffGpio, OnoffDirection, OnoffEdge, OnoffOptions } from './onoff-adapter.js';
export type { I2cBusModule, RawI2cBus } from './i2c.js';
export type { SerialModule, RawSerialPort } from './serial.js';
export type { GpioChipInfo } from './gpiochip.js';
export type { GpiodBinding, GpiodChipInfo, GpiodEdgeEvent, GpiodLineRequest, GpiodLineSettings } from './gpiod-binding.js';
export { GPIOD_PACKAGE } from './gpiod-binding.js';
export { pickHeaderChip, sysfsNumber, HEADER_CHIP_LABELS } from './gpiochip.js';
export { detectHeaderChip, readGpioChips } from './sysfs-chips.js';
export { findGpiodHeaderChip, gpioDeviceNames, type GpiodChip } from './gpiod-chips.js';

/** Stand-ins for the native modules (tests inject fakes). */
export interface LinuxModules {
  onoff?: OnoffModule;
  i2cBus?: I2cBusModule;
  gpiod?: GpiodBinding;
  serialport?: SerialModule;
}

export interface LinuxHardwareOptions {
  sysfsRoot: string;
  /** Where the gpiochip device nodes are. Default `/dev`. */
  devRoot?: string;
  /** Injected in tests; loaded from `onoff` / `i2c-bus` / `node-libgpiod` otherwise. */
  modules?: LinuxModules;
  i2c?: LinuxI2cOptions;
  onWatchError?: (err: unknown) => void;
  /** A feature the backend runs in a lesser form (edges sampled, not read from the kernel): for the hub's log. */
  onNotice?: (message: string) => void;
}

/** GPIO through sysfs (`onoff`). */
export async function openLinuxHardware(options: LinuxHardwareOptions): Promise<Hardware> {
  const chip = await detectHeaderChip(options.sysfsRoot);
  // Native modules load only here, so the sim backend runs where they cannot build.
  const onoff = options.modules?.onoff ?? (await loadOnoff());
  return withBuses('linux', createLinuxGpio({ onoff, chip, onWatchError: options.onWatchError }), options);
}

/** GPIO through the character device (a libgpiod binding); I2C, 1-Wire and PWM as for sysfs. */
export async function openGpiodHardware(options: LinuxHardwareOptions): Promise<Hardware> {
  const binding = options.modules?.gpiod ?? (await loadGpiodBinding());
  const chip = await findGpiodHeaderChip(binding, { sysfsRoot: options.sysfsRoot, devRoot: options.devRoot ?? '/dev' });
  if (!binding.kernelEvents) {
    options.onNotice?.(`gpio: ${binding.name} cannot read the kernel's edge events, so inputs on ${chip.name} are sampled every ${GPIOD_POLL_MS} ms (edge times to ${GPIOD_POLL_MS} ms; docs/hardware.md)`);
  }
  return withBuses('gpiod', createGpiodGpio({ binding, chip, onWatchError: options.onWatchError }), options);
}

async function withBuses(backend: 'linux' | 'gpiod', header: HeaderGpio, options: LinuxHardwareOptions): Promise<Hardware> {
  const i2cModule = options.modules?.i2cBus ?? (await loadI2cBus());
  const buses = new Map<number, I2cBus>();
  const serialModule = options.modules?.serialport;
  const serial = createLinuxSerial(serialModule ? async () => serialModule : undefined);
  return assembleHardware({
    backend,
    header,
    i2c(busNumber) {
      let bus = buses.get(busNumber);
      if (!bus) {
        bus = createLinuxI2cBus(i2cModule, busNumber, options.i2c);
        buses.set(busNumber, bus);
      }
      return bus;
    },
    async closeBuses() {
      await Promise.allSettled([...buses.values()].map((b) => b.close()));
      buses.clear();
    },
    oneWire: createSysfsOneWire(options.sysfsRoot),
    serial: serial.serial,
    closeSerial: serial.closeAll,
    socPwm: createSysfsPwm(options.sysfsRoot),
  });
}

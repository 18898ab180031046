import type { Hardware } from '../types.js';
import type { I2cBus } from '../i2c.js';
import { assembleHardware } from '../hub/assemble.js';
import { detectHeaderChip } from './sysfs-chips.js';
import { createLinuxGpio } from './gpio.js';
import { createLinuxI2cBus, loadI2cBus, type I2cBusModule, type LinuxI2cOptions } from './i2c.js';
import { loadOnoff, type OnoffModule } from './onoff-adapter.js';
import { createSysfsOneWire } from './onewire.js';

export type { OnoffModule, OnoffGpio, OnoffDirection, OnoffEdge, OnoffOptions } from './onoff-adapter.js';
export type { I2cBusModule, RawI2cBus } from './i2c.js';
export type { GpioChipInfo } from './gpiochip.js';
export { pickHeaderChip, sysfsNumber, HEADER_CHIP_LABELS } from './gpiochip.js';
export { detectHeaderChip, readGpioChips } from './sysfs-chips.js';

/** Stand-ins for the native modules (tests inject fakes). */
export interface LinuxModules {
  onoff?: OnoffModule;
  i2cBus?: I2cBusModule;
}

export interface LinuxHardwareOptions {
  sysfsRoot: string;
  /** Injected in tests; loaded from `onoff` / `i2c-bus` otherwise. */
  modules?: LinuxModules;
  i2c?: LinuxI2cOptions;
  onWatchError?: (err: unknown) => void;
}

export async function openLinuxHardware(options: LinuxHardwareOptions): Promise<Hardware> {
  const chip = await detectHeaderChip(options.sysfsRoot);
  // Native modules load only here, so the sim backend runs where they cannot build.
  const onoff = options.modules?.onoff ?? (await loadOnoff());
  const i2cModule = options.modules?.i2cBus ?? (await loadI2cBus());
  const buses = new Map<number, I2cBus>();
  return assembleHardware({
    backend: 'linux',
    header: createLinuxGpio({ onoff, chip, onWatchError: options.onWatchError }),
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
  });
}

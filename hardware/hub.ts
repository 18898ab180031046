/**
 * The hub's side of the HAL, not part of the published `hearth/hardware`: opening a
 * backend, releasing declared outputs after a crash, and the file-backed stand-ins
 * the tests select through the environment. Core imports it by relative path.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Hardware, HardwareBackend } from './types.js';
import { createSimBoard, type SimBoardOptions } from './sim/board.js';
import { gpioDeviceNames, openGpiodHardware, openLinuxHardware, type LinuxModules } from './linux/index.js';

export { releaseDeclaredOutputs, type ReleaseReport } from './release.js';
// Test only: inert unless HEARTH_TEST_SYSFS / HEARTH_TEST_I2C_DIR are set.
export { testStandInsFromEnv, TEST_I2C_DIR_ENV, TEST_SYSFS_ENV } from './linux/test-stand-ins.js';

/** What `openHardware` takes: the config's backend and, for tests, stand-ins of the native parts. */
export interface HardwareOptions {
  backend: 'auto' | HardwareBackend;
  /** Root of the sysfs tree (tests point it at a fixture). Default `/sys`. */
  sysfsRoot?: string;
  /** Where the gpiochip device nodes are (tests point it at a fixture). Default `/dev`. */
  devRoot?: string;
  /** Some input asks for a pull resistor, which only the gpiod backend can set: `auto` then prefers it. */
  wantsBias?: boolean;
  /** Sim backend: clock, location, line count. */
  sim?: SimBoardOptions;
  /** Linux backend: replacements for the native modules (tests inject fakes). */
  modules?: LinuxModules;
  /** Errors thrown by watch callbacks; they never stop other watchers. */
  onWatchError?: (err: unknown) => void;
  /** A feature the backend runs in a lesser form (gpiod: edges sampled, not read from the kernel): for the hub's log. */
  onNotice?: (message: string) => void;
}

/**
 * Opens a backend. `auto` is `gpiod` when the kernel has GPIO chips and either no sysfs
 * GPIO interface (kernels built without it) or an input that asks for a bias; else
 * `linux` when `<sysfsRoot>/class/gpio` exists; else `sim`.
 */
export async function openHardware(options: HardwareOptions): Promise<Hardware> {
  const sysfsRoot = options.sysfsRoot ?? '/sys';
  const backend = await resolveBackend(options.backend, { sysfsRoot, wantsBias: options.wantsBias });
  if (backend === 'sim') return createSimBoard({ onWatchError: options.onWatchError, ...options.sim });
  const linux = { sysfsRoot, devRoot: options.devRoot, modules: options.modules, onWatchError: options.onWatchError, onNotice: options.onNotice };
  if (backend === 'linux') return openLinuxHardware(linux);
  if (backend === 'gpiod') return openGpiodHardware(linux);
  throw new RangeError(`unknown hardware backend ${JSON.stringify(backend)} (auto, linux, gpiod or sim)`);
}

/** The backend `openHardware` would open, without opening it (`hearth check` advises on it). */
export async function resolveBackend(backend: HardwareOptions['backend'], options: { sysfsRoot?: string; wantsBias?: boolean } = {}): Promise<HardwareBackend> {
  if (backend !== 'auto') return backend;
  const sysfsRoot = options.sysfsRoot ?? '/sys';
  const wantsBias = options.wantsBias ?? false;
  const sysfsGpio = existsSync(join(sysfsRoot, 'class', 'gpio'));
  const chardev = (await gpioDeviceNames(sysfsRoot)).length > 0;
  if (chardev && (wantsBias || !sysfsGpio)) return 'gpiod';
  return sysfsGpio ? 'linux' : 'sim';
}

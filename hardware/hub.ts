/**
 * The hub's side of the HAL, not part of the published `hearth/hardware`: opening a
 * backend, releasing declared outputs after a crash, and the file-backed stand-ins
 * the tests select through the environment. Core imports it by relative path.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Hardware, HardwareBackend } from './types.js';
import { createSimBoard, type SimBoardOptions } from './sim/board.js';
import { openLinuxHardware, type LinuxModules } from './linux/index.js';

export { releaseDeclaredOutputs, type ReleaseReport } from './release.js';
// Test only: inert unless HEARTH_TEST_SYSFS / HEARTH_TEST_I2C_DIR are set.
export { testStandInsFromEnv, TEST_I2C_DIR_ENV, TEST_SYSFS_ENV } from './linux/test-stand-ins.js';

/** What `openHardware` takes: the config's backend and, for tests, stand-ins of the native parts. */
export interface HardwareOptions {
  backend: 'auto' | HardwareBackend;
  /** Root of the sysfs tree (tests point it at a fixture). Default `/sys`. */
  sysfsRoot?: string;
  /** Sim backend: clock, location, line count. */
  sim?: SimBoardOptions;
  /** Linux backend: replacements for the native modules (tests inject fakes). */
  modules?: LinuxModules;
  /** Errors thrown by watch callbacks; they never stop other watchers. */
  onWatchError?: (err: unknown) => void;
}

/** Opens a backend; `auto` is `linux` when `<sysfsRoot>/class/gpio` exists, else `sim`. */
export async function openHardware(options: HardwareOptions): Promise<Hardware> {
  const sysfsRoot = options.sysfsRoot ?? '/sys';
  const backend = options.backend === 'auto' ? (existsSync(join(sysfsRoot, 'class', 'gpio')) ? 'linux' : 'sim') : options.backend;
  if (backend === 'sim') return createSimBoard({ onWatchError: options.onWatchError, ...options.sim });
  if (backend === 'linux') return openLinuxHardware({ sysfsRoot, modules: options.modules, onWatchError: options.onWatchError });
  throw new RangeError(`unknown hardware backend ${JSON.stringify(backend)} (auto, linux or sim)`);
}

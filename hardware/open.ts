import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Hardware, HardwareOptions } from './types.js';
import { createSimBoard } from './sim/board.js';
import { openLinuxHardware } from './linux/index.js';

/** Opens a backend; `auto` is `linux` when `<sysfsRoot>/class/gpio` exists, else `sim`. */
export async function openHardware(options: HardwareOptions): Promise<Hardware> {
  const sysfsRoot = options.sysfsRoot ?? '/sys';
  const backend = options.backend === 'auto' ? (existsSync(join(sysfsRoot, 'class', 'gpio')) ? 'linux' : 'sim') : options.backend;
  if (backend === 'sim') return createSimBoard({ onWatchError: options.onWatchError, ...options.sim });
  if (backend === 'linux') return openLinuxHardware({ sysfsRoot, modules: options.modules, onWatchError: options.onWatchError });
  throw new RangeError(`unknown hardware backend ${JSON.stringify(backend)} (auto, linux or sim)`);
}

import { appendFileSync } from 'node:fs';
import { isSimHardware, type Hardware } from '../../hardware/index.js';

/** Env var naming a file that receives every physical level change of the sim board. */
export const SIM_LINE_LOG_ENV = 'HEARTH_SIM_LINE_LOG';

/**
 * Appends `<epoch ms> <line> <level>` per physical change, synchronously, so the
 * file is complete even when the process is killed right after a write. Lets a
 * test prove outputs end released whatever way the hub exits.
 */
export function recordSimLines(hardware: Hardware, file: string | undefined = process.env[SIM_LINE_LOG_ENV]): () => void {
  if (!file || !isSimHardware(hardware)) return () => {};
  return hardware.sim.onLineChange((line, value, atMs) => appendFileSync(file, `${atMs} ${line} ${value}\n`));
}

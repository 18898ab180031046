import type { Hardware, HardwareOptions } from './index.js';

/** Placeholder until the hardware layer lands (issue "Hardware layer"). */
export async function openHardware(options: HardwareOptions): Promise<Hardware> {
  throw new Error(`hardware backend '${options.backend}' is not available yet`);
}

import type { TicFrame } from './frame-reader.js';
import type { TicMode } from './protocol.js';

export interface ModeDetector {
  readonly mode: TicMode;
  /** Reports what one read gave; returns the mode to read in next (the other one after too much garbage). */
  observe(byteCount: number, frames: readonly TicFrame[]): TicMode;
}

/**
 * `mode: auto`. A meter read at the wrong speed or in the wrong mode gives bytes but no valid
 * group; after `garbageBytes` of those the detector flips to the other mode, and keeps
 * flipping until a frame carries a valid group. The same rule notices a meter whose mode
 * was changed by Enedis while the hub ran.
 */
export function createModeDetector(first: TicMode, garbageBytes: number): ModeDetector {
  let mode = first;
  let sinceValid = 0;
  return {
    get mode() {
      return mode;
    },
    observe(byteCount, frames) {
      if (frames.some((f) => f.groups.length > 0)) {
        sinceValid = 0;
        return mode;
      }
      sinceValid += byteCount;
      if (sinceValid >= garbageBytes) {
        mode = mode === 'historic' ? 'standard' : 'historic';
        sinceValid = 0;
      }
      return mode;
    },
  };
}

/**
 * The French pilot wire (fil pilote): the order a radiator reads from the half-waves of
 * the mains on its pilot wire, produced by two outputs — `positiveLine` passes the
 * positive half-wave, `negativeLine` the negative one (an opto-triac and a diode each;
 * wiring in docs/hardware.md). Pure: order and time into the cycle → line levels.
 */
import type { Level } from '../../core/plugin-api.js';

export const FIL_PILOTE_ORDERS = ['comfort', 'comfort-1', 'comfort-2', 'eco', 'frost', 'off'] as const;
export type FilPiloteOrder = (typeof FIL_PILOTE_ORDERS)[number];

export interface FilPiloteLevels {
  positive: Level;
  negative: Level;
}

const NONE: FilPiloteLevels = { positive: 0, negative: 0 };
const FULL_SINE: FilPiloteLevels = { positive: 1, negative: 1 };

/** Comfort −1 and −2 are a full sine for 3 s or 7 s at the start of every 5-minute cycle, no signal the rest. */
export const PULSE_CYCLE_MS = 300_000;
const PULSE_MS: Partial<Record<FilPiloteOrder, number>> = { 'comfort-1': 3_000, 'comfort-2': 7_000 };

const STEADY: Record<FilPiloteOrder, FilPiloteLevels> = {
  comfort: NONE,
  'comfort-1': NONE,
  'comfort-2': NONE,
  eco: FULL_SINE,
  frost: { positive: 0, negative: 1 },
  off: { positive: 1, negative: 0 },
};

/** The line levels of `order`, `phaseMs` into its cycle (only comfort −1/−2 have one). */
export function filPiloteLevels(order: FilPiloteOrder, phaseMs = 0): FilPiloteLevels {
  const pulse = PULSE_MS[order];
  if (pulse !== undefined && ((phaseMs % PULSE_CYCLE_MS) + PULSE_CYCLE_MS) % PULSE_CYCLE_MS < pulse) return FULL_SINE;
  return STEADY[order];
}

/** How long the full sine of a pulsed order lasts each cycle; undefined for a steady order. */
export function pulseMsOf(order: FilPiloteOrder): number | undefined {
  return PULSE_MS[order];
}

/**
 * The thermostat's decision, free of I/O: hysteresis around the target, held back by
 * the minimum cycle that protects relays and boilers, overridden by the cut-offs.
 */

/** Why heating is forced off whatever the temperature; `null` when regulating. */
export type Cutoff = 'off' | 'window' | 'sensor';

export interface ControlInput {
  cutoff: Cutoff | null;
  /** Last good reading; `null` before the first one. */
  currentC: number | null;
  targetC: number;
  /** Heat from target − tolerance, stop at target + tolerance. */
  toleranceC: number;
  /** Whether the output heats now. */
  heating: boolean;
  /** When the output last switched (ms); undefined if never. */
  lastSwitchAt: number | undefined;
  now: number;
  minCycleMs: number;
}

export interface ControlDecision {
  heat: boolean;
  /** A change hysteresis wants but the minimum cycle holds back until then (ms). */
  retryAt?: number;
}

/** What hysteresis alone asks for. An unknown temperature keeps the output as it is (the sensor timeout decides). */
export function wantsHeat(currentC: number | null, targetC: number, toleranceC: number, heating: boolean): boolean {
  if (currentC === null) return heating;
  return heating ? currentC < targetC + toleranceC : currentC <= targetC - toleranceC;
}

/**
 * A cut-off stops heating at once, minimum cycle or not: an open window, a lost sensor
 * and a user's "off" outrank the boiler's wear. Every other switch waits until the
 * output has held its state for `minCycleMs`.
 */
export function decide(input: ControlInput): ControlDecision {
  const { heating, lastSwitchAt, now, minCycleMs } = input;
  if (input.cutoff !== null) return { heat: false };
  const want = wantsHeat(input.currentC, input.targetC, input.toleranceC, heating);
  if (want === heating) return { heat: heating };
  const allowedAt = lastSwitchAt === undefined ? now : lastSwitchAt + minCycleMs;
  return allowedAt <= now ? { heat: want } : { heat: heating, retryAt: allowedAt };
}

/**
 * Pure pulse-meter arithmetic: the total a count of pulses stands for, and the
 * instantaneous rate from the time between pulses. No I/O, no clock: times come in.
 */

/** What a meter has seen: pulses counted, and the time of the last one and the gap before it. */
export interface PulseState {
  readonly pulses: number;
  readonly lastMs?: number;
  readonly intervalMs?: number;
}

export function countPulse(state: PulseState, atMs: number): PulseState {
  return { pulses: state.pulses + 1, lastMs: atMs, ...(state.lastMs !== undefined && { intervalMs: Math.max(0, atMs - state.lastMs) }) };
}

/** The meter's reading: `offset` plus the pulses in units (kWh, m³), rid of binary-fraction noise. */
export function totalOf(pulses: number, pulsesPerUnit: number, offset: number): number {
  return Math.round((offset + pulses / pulsesPerUnit) * 1e6) / 1e6;
}

/**
 * Units per hour now. One pulse stands for 1/`pulsesPerUnit` units over the gap before it;
 * while no pulse comes, the rate cannot be above one pulse over the time since the last
 * one, so it decays as that bound, and is 0 after `idleMs` or before a gap is known.
 */
export function ratePerHour(state: PulseState, nowMs: number, pulsesPerUnit: number, idleMs: number): number {
  if (state.lastMs === undefined || state.intervalMs === undefined) return 0;
  const elapsed = nowMs - state.lastMs;
  if (elapsed >= idleMs) return 0;
  const gap = Math.max(state.intervalMs, elapsed);
  return gap <= 0 ? 0 : 3_600_000 / (gap * pulsesPerUnit);
}

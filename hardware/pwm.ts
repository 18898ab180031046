import type { PwmChannelSpec, PwmSpec } from './line-spec.js';

/** One PWM output owned by the hub. Its safe level is duty 0 (dark, motor off). */
export interface PwmChannel {
  readonly spec: PwmChannelSpec;
  /** Duty 0–1 (clamped). */
  set(duty: number): Promise<void>;
  /** Drives duty 0 and gives the channel back. */
  close(): Promise<void>;
}

export interface Pwm {
  /**
   * Opens a channel at duty 0. One driver per chip per hub, shared by every plugin;
   * the chip is set up in the background and an error surfaces at the first `set`.
   */
  open(spec: PwmSpec): PwmChannel;
}

import type { PwmChannelSpec, PwmSpec, SysfsPwmChannelSpec } from './line-spec.js';

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

/** One channel of a backend's own PWM (the SoC's, not a chip on a bus), opened by the hub's PWM pool. */
export interface SocPwmChannel {
  /** Duty 0–1 (clamped). */
  set(duty: number): Promise<void>;
  /** Duty 0, disabled, given back to the kernel. */
  close(): Promise<void>;
}

/** The SoC's PWM as a backend offers it: `/sys/class/pwm` on Linux, an in-memory stand-in on the sim board. */
export interface SocPwm {
  /** Sets the channel up (frequency, polarity) and enables it at duty 0: dark from the first instant. */
  open(spec: SysfsPwmChannelSpec): Promise<SocPwmChannel>;
}

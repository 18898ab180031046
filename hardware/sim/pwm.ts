import type { SocPwm } from '../pwm.js';
import { HardwareError } from '../errors.js';

/** One SoC PWM channel of the simulated board, as a scope would show it. */
export interface SimPwmInfo {
  pwmchip: number;
  channel: number;
  frequencyHz: number;
  polarity: 'normal' | 'inversed';
  enabled: boolean;
  /** 0–1 */
  duty: number;
}

/** The SoC's PWM on the simulated board: channels 0–3 of any pwmchip (a Pi 5 has four). */
export function createSimSocPwm(): SocPwm & { channels(): SimPwmInfo[] } {
  const channels = new Map<string, SimPwmInfo>();
  return {
    async open(spec) {
      if (spec.channel > 3) throw new HardwareError('invalid', `pwmchip${spec.pwmchip} of the simulated board has 4 channels (0–3)`);
      const info: SimPwmInfo = { pwmchip: spec.pwmchip, channel: spec.channel, frequencyHz: spec.frequencyHz, polarity: spec.polarity, enabled: true, duty: 0 };
      channels.set(`${spec.pwmchip}:${spec.channel}`, info);
      return {
        async set(duty) {
          info.duty = Math.min(1, Math.max(0, duty));
        },
        async close() {
          info.duty = 0;
          info.enabled = false;
        },
      };
    },
    channels: () => [...channels.values()].map((c) => ({ ...c })).sort((a, b) => a.pwmchip - b.pwmchip || a.channel - b.channel),
  };
}

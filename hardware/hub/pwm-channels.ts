import type { I2cBus } from '../i2c.js';
import type { Pwm, PwmChannel, SocPwm, SocPwmChannel } from '../pwm.js';
import { describePwm, parsePwmSpec, type PwmChannelSpec } from '../line-spec.js';
import { HardwareError } from '../errors.js';
import { openPca9685, type Pca9685 } from '../drivers/pca9685.js';

export interface PwmPool extends Pwm {
  /** Every open channel to duty 0; later opens fail. */
  release(): Promise<void>;
}

interface Chip {
  frequencyHz: number;
  ready: Promise<Pca9685>;
}

type Pca9685Spec = Extract<PwmChannelSpec, { chip: 'pca9685' }>;

/**
 * Every PWM channel the hub drives, whichever chip it is on, so it knows each one it must
 * darken: one PCA9685 driver per (bus, address) per hub, and the backend's own PWM.
 */
export function createPwmPool(i2c: (busNumber: number) => I2cBus, soc: SocPwm): PwmPool {
  const chips = new Map<string, Chip>();
  const channels = new Map<string, PwmChannel>();
  let released = false;

  const chip = (spec: Pca9685Spec): Chip => {
    const key = `${spec.bus}:${spec.address}`;
    const existing = chips.get(key);
    if (existing) {
      if (existing.frequencyHz !== spec.frequencyHz) {
        throw new HardwareError('busy', `${describePwm(spec)}: the chip already runs at ${existing.frequencyHz} Hz (one frequency per chip), not ${spec.frequencyHz} Hz`);
      }
      return existing;
    }
    const entry: Chip = { frequencyHz: spec.frequencyHz, ready: openPca9685(i2c(spec.bus), spec.address, { frequencyHz: spec.frequencyHz }) };
    entry.ready.catch(() => chips.get(key) === entry && chips.delete(key));
    chips.set(key, entry);
    return entry;
  };

  // Dark from the first instant: a PCA9685 keeps whatever duty it last had.
  const pca9685Channel = (spec: Pca9685Spec): Promise<SocPwmChannel> =>
    chip(spec).ready.then(async (c) => {
      await c.setDuty(spec.channel, 0);
      return { set: (duty) => c.setDuty(spec.channel, duty), close: () => c.setDuty(spec.channel, 0) };
    });

  return {
    open(input) {
      const spec = parsePwmSpec(input);
      const name = describePwm(spec);
      if (released) throw new HardwareError('closed', `${name}: the hardware is closed`);
      if (channels.has(name)) throw new HardwareError('busy', `${name} is already open`);
      const ready = spec.chip === 'pca9685' ? pca9685Channel(spec) : soc.open(spec);
      ready.catch(() => undefined); // reported by the first set()
      let closed = false;
      const channel: PwmChannel = {
        spec,
        async set(duty) {
          if (closed) throw new HardwareError('closed', `${name} is closed`);
          await (await ready).set(duty);
        },
        async close() {
          if (closed) return;
          closed = true;
          channels.delete(name);
          await (await ready.catch(() => undefined))?.close();
        },
      };
      channels.set(name, channel);
      return channel;
    },
    async release() {
      released = true;
      const results = await Promise.allSettled([...channels.values()].map((c) => c.close()));
      const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      if (errors.length) throw new AggregateError(errors, 'some PWM channels could not be darkened');
    },
  };
}

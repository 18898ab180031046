import type { I2cBus } from '../i2c.js';
import type { Pwm, PwmChannel } from '../pwm.js';
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

/** One PCA9685 driver per (bus, address) per hub; the hub knows every channel it must darken. */
export function createPwmPool(i2c: (busNumber: number) => I2cBus): PwmPool {
  const chips = new Map<string, Chip>();
  const channels = new Map<string, PwmChannel>();
  let released = false;

  const chip = (spec: PwmChannelSpec): Chip => {
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

  return {
    open(input) {
      const spec = parsePwmSpec(input);
      if (released) throw new HardwareError('closed', `${describePwm(spec)}: the hardware is closed`);
      const key = `${spec.bus}:${spec.address}:${spec.channel}`;
      if (channels.has(key)) throw new HardwareError('busy', `${describePwm(spec)} is already open`);
      // Dark from the first instant: a PCA9685 keeps whatever duty it last had.
      const ready = chip(spec).ready.then(async (c) => (await c.setDuty(spec.channel, 0), c));
      ready.catch(() => undefined); // reported by the first set()
      let closed = false;
      const channel: PwmChannel = {
        spec,
        async set(duty) {
          if (closed) throw new HardwareError('closed', `${describePwm(spec)} is closed`);
          await (await ready).setDuty(spec.channel, duty);
        },
        async close() {
          if (closed) return;
          closed = true;
          channels.delete(key);
          const c = await ready.catch(() => undefined);
          await c?.setDuty(spec.channel, 0);
        },
      };
      channels.set(key, channel);
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

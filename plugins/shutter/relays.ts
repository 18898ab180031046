import type { GpioLine } from '../../core/plugin-api.js';
import type { Direction } from './motion.js';

/** The motor's relays. `energise` is only ever called with the motor released. */
export interface MotorDrive {
  energise(direction: Direction): Promise<void>;
  /** De-energises everything; safe to call in any state. */
  release(): Promise<void>;
}

/** One relay per direction: the other one is released before either is energised. */
export function twoRelayDrive(up: GpioLine, down: GpioLine): MotorDrive {
  return {
    async energise(direction) {
      await (direction === 'up' ? down : up).write(0);
      await (direction === 'up' ? up : down).write(1);
    },
    async release() {
      await up.write(0);
      await down.write(0);
    },
  };
}

/** Contacts of a small relay settle within ~10 ms; wait longer before powering through them. */
const DIRECTION_SETTLE_MS = 50;

/**
 * A power relay and a change-over relay: the direction relay only moves while power is
 * off, and power comes on only after its contacts have settled. Stopping cuts power only.
 */
export function powerDirectionDrive(power: GpioLine, direction: GpioLine, upLevel: 0 | 1): MotorDrive {
  let current: 0 | 1 | undefined;
  return {
    async energise(dir) {
      await power.write(0);
      const level = dir === 'up' ? upLevel : upLevel ? 0 : 1;
      if (level !== current) {
        await direction.write(level);
        current = level;
        await new Promise((resolve) => setTimeout(resolve, DIRECTION_SETTLE_MS));
      }
      await power.write(1);
    },
    async release() {
      await power.write(0);
    },
  };
}

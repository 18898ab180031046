/** Where the bolt is, and what the lock says about it: pure, so the rules are tested without hardware. */
import type { Level } from 'hearth/hardware';

export type Bolt = 'locked' | 'unlocked';

export const boltOf = (contact: Level): Bolt => (contact ? 'locked' : 'unlocked');

/**
 * The state to show when the relay asks for `target` and the contact reports `bolt`:
 * the target once they agree; while they disagree, the travel towards the target after
 * a command, else (someone forced the bolt) what the contact says, until the jam check.
 */
export function settledState(target: Bolt, bolt: Bolt, moving: boolean): Bolt | 'locking' | 'unlocking' {
  if (bolt === target) return target;
  if (moving) return target === 'locked' ? 'locking' : 'unlocking';
  return bolt;
}

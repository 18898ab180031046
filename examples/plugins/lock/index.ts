/**
 * A worked third-party plugin (docs/plugins.md walks through it), written only against
 * Hearth's published exports: a lock whose bolt is thrown by a relay, with a contact
 * that reports where the bolt really is. The entity says `locking`/`unlocking` while
 * the bolt travels, `locked`/`unlocked` once the contact agrees, and `jammed` when the
 * contact still disagrees with the relay `jamAfterS` (3 s) later.
 */
import { z } from 'zod';
import { definePlugin, entityBaseOf, entityBaseSchema, entityIdSchema, type TimerHandle } from 'hearth/plugin-api';
import { lineSpecSchema, type Level } from 'hearth/hardware';
import { boltOf, settledState, type Bolt } from './bolt.js';

export const lockConfigSchema = z.strictObject({
  id: entityIdSchema('lock').default('lock.front_door'),
  /** name, area, allowedRoles, hidden, icon: the keys every entity takes. */
  ...entityBaseSchema.shape,
  /** The relay that throws the bolt: energised = locked. */
  relay: lineSpecSchema,
  /** The relay board switches on a physical low (most do). */
  activeLow: z.boolean().default(false),
  /** The contact on the bolt: closed (high) = bolt thrown. */
  contact: lineSpecSchema,
  /** The contact reads low when the bolt is thrown (a switch to ground with a pull-up). */
  contactInverted: z.boolean().default(false),
  debounceMs: z.number().int().min(0).max(1000).default(30),
  /** How long the bolt may travel before a contact that still disagrees means jammed. */
  jamAfterS: z.number().positive().max(60).default(3),
});

export default definePlugin({
  manifest: {
    id: 'relay-lock',
    name: 'Relay lock',
    version: '1.0.0',
    apiVersion: 1,
    description: 'A lock on a relay, with a bolt contact that tells locked, unlocked and jammed apart.',
  },
  config: lockConfigSchema,
  async setup(ctx) {
    const { config } = ctx;
    const name = config.name ?? config.id;
    const contact = ctx.hardware.gpio.open(config.contact, {
      direction: 'in',
      edge: 'both',
      activeLow: config.contactInverted,
      debounceMs: config.debounceMs,
      label: `${name} bolt contact`,
    });
    // The relay starts where the bolt is: a restart of the hub never moves the bolt.
    let target: Bolt = boltOf(await contact.read());
    const relay = ctx.hardware.gpio.open(config.relay, { direction: 'out', activeLow: config.activeLow, initial: target === 'locked' ? 1 : 0, label: `${name} relay` });
    let deadline: TimerHandle | undefined;

    const entity = ctx.entities.add({
      id: config.id,
      ...entityBaseOf(config),
      commands: { lock: () => drive('locked'), unlock: () => drive('unlocked') },
    });

    /** Reports what the contact says against what the relay asks; a disagreement gets `jamAfterS` to resolve. */
    function observe(level: Level, moving: boolean): void {
      const state = settledState(target, boltOf(level), moving);
      entity.setState(state);
      if (state === target) {
        deadline?.cancel();
        deadline = undefined;
      } else if (!deadline) {
        deadline = ctx.timers.setTimeout(async () => {
          deadline = undefined;
          if (boltOf(await contact.read()) !== target) entity.setState('jammed');
        }, config.jamAfterS * 1000);
      }
    }

    async function drive(to: Bolt): Promise<void> {
      deadline?.cancel();
      deadline = undefined;
      target = to;
      await relay.write(to === 'locked' ? 1 : 0);
      observe(await contact.read(), true);
    }

    contact.watch((level) => observe(level, false));
    entity.setState(target);
  },
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestHub, type TestHub } from 'hearth/testing';
import lock from './index.js';
import { settledState } from './bolt.js';

const RELAY = 22;
const CONTACT = 23;

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  vi.useRealTimers();
});

/** A hub with the lock on the simulated board, fake timers from the start; the bolt contact reads open. */
async function start(): Promise<TestHub> {
  vi.useFakeTimers();
  return createTestHub({
    plugins: { 'relay-lock': lock },
    config: { areas: ['hall'], plugins: [{ use: 'relay-lock', relay: RELAY, contact: CONTACT, area: 'hall' }] },
  });
}

/** The bolt reaching the end of its travel: the contact closes or opens, past the debounce. */
async function boltMoves(h: TestHub, level: 0 | 1): Promise<void> {
  h.sim.drive(CONTACT, level);
  await vi.advanceTimersByTimeAsync(50);
}

describe('relay lock example (docs/plugins.md)', () => {
  it('locks: relay energised, locking while the bolt travels, locked when the contact agrees', async () => {
    hub = await start();
    expect(hub.state('lock.front_door')).toMatchObject({ state: 'unlocked', area: 'hall' });
    expect(hub.sim.level(RELAY)).toBe(0);
    expect((await hub.command('lock.front_door', 'lock')).state).toBe('locking');
    expect(hub.sim.level(RELAY)).toBe(1);
    await vi.advanceTimersByTimeAsync(1500);
    await boltMoves(hub, 1);
    expect(hub.state('lock.front_door').state).toBe('locked');
    await vi.advanceTimersByTimeAsync(5000); // the jam check was cancelled
    expect(hub.state('lock.front_door').state).toBe('locked');
  });

  it('reports jammed when the contact still disagrees 3 s after the command, and recovers when it agrees', async () => {
    hub = await start();
    await hub.command('lock.front_door', 'lock');
    await vi.advanceTimersByTimeAsync(2900);
    expect(hub.state('lock.front_door').state).toBe('locking');
    await vi.advanceTimersByTimeAsync(200);
    expect(hub.state('lock.front_door').state).toBe('jammed');
    await boltMoves(hub, 1); // someone pushes the door shut and the bolt goes home
    expect(hub.state('lock.front_door').state).toBe('locked');
  });

  it('unlocks: relay released, unlocking, then unlocked', async () => {
    hub = await start();
    await hub.command('lock.front_door', 'lock');
    await boltMoves(hub, 1);
    expect((await hub.command('lock.front_door', 'unlock')).state).toBe('unlocking');
    expect(hub.sim.level(RELAY)).toBe(0);
    await boltMoves(hub, 0);
    expect(hub.state('lock.front_door').state).toBe('unlocked');
  });

  it('a bolt forced against the relay shows where it is, then jammed once 3 s have passed', async () => {
    hub = await start();
    await hub.command('lock.front_door', 'lock');
    await boltMoves(hub, 1);
    await boltMoves(hub, 0); // forced back by hand, the relay still holding
    expect(hub.state('lock.front_door').state).toBe('unlocked');
    await vi.advanceTimersByTimeAsync(3000);
    expect(hub.state('lock.front_door').state).toBe('jammed');
  });

  it('takes only lock commands, refuses a config mistake with its path, and releases the relay on stop', async () => {
    hub = await start();
    await expect(hub.command('lock.front_door', 'turn_on')).rejects.toThrow(/unknown command 'turn_on' for lock; expected one of lock, unlock, open/);
    await hub.command('lock.front_door', 'lock');
    await hub.stop({ keepBoard: true });
    expect(hub.sim.level(RELAY)).toBe(0);
    await hub.hardware.close();
    hub = undefined;
    const error = await createTestHub({ plugins: { 'relay-lock': lock }, config: { plugins: [{ use: 'relay-lock', relay: 22, contact: 23, jamAfterS: 0 }] } }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/plugins\[0\]\.jamAfterS: plugin 'relay-lock': /);
  });
});

describe('settledState', () => {
  it('is the target once the bolt agrees, the travel after a command, the bolt itself when forced', () => {
    expect(settledState('locked', 'locked', true)).toBe('locked');
    expect(settledState('locked', 'unlocked', true)).toBe('locking');
    expect(settledState('unlocked', 'locked', true)).toBe('unlocking');
    expect(settledState('locked', 'unlocked', false)).toBe('unlocked');
  });
});

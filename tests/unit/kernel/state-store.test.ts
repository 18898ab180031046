import { describe, expect, it } from 'vitest';
import { createKernel, createContext, type EventMap } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';

function setup() {
  let clock = Date.UTC(2026, 0, 1);
  const kernel = createKernel(silentLogger(), () => clock);
  const events: EventMap['state_changed'][] = [];
  kernel.bus.on('state_changed', (e) => events.push(e));
  const info = kernel.registry.add({ id: 'light.hall', owner: 'gpio' });
  kernel.states.init(info, { deviceClass: 'light' });
  return { kernel, events, tick: (ms: number) => (clock += ms) };
}

describe('state store', () => {
  it('starts unknown and available, with a name derived from the id', () => {
    const { kernel } = setup();
    expect(kernel.states.get('light.hall')).toMatchObject({ state: null, available: true, name: 'Hall', domain: 'light' });
  });

  it('moves lastChanged only when the state changes, lastUpdated also for attributes', () => {
    const { kernel, tick } = setup();
    const first = kernel.states.update('light.hall', { state: 'on' });
    tick(1000);
    const second = kernel.states.update('light.hall', { attributes: { brightness: 40 } });
    expect(second.lastChanged).toBe(first.lastChanged);
    expect(second.lastUpdated).not.toBe(first.lastUpdated);
    tick(1000);
    const third = kernel.states.update('light.hall', { state: 'off' });
    expect(third.lastChanged).not.toBe(first.lastChanged);
    expect(third.attributes).toEqual({ deviceClass: 'light', brightness: 40 });
  });

  it('emits nothing when the same values are written again', () => {
    const { kernel, events } = setup();
    kernel.states.update('light.hall', { state: 'on', attributes: { brightness: 40 } });
    const before = events.length;
    kernel.states.update('light.hall', { state: 'on', attributes: { brightness: 40 } });
    expect(events.length).toBe(before);
  });

  it('emits old and new state, frozen, with the context that caused it', () => {
    const { kernel, events } = setup();
    const context = createContext({ userId: 'alice' });
    kernel.states.update('light.hall', { state: 'on' }, context);
    const last = events.at(-1)!;
    expect(last.oldState?.state).toBeNull();
    expect(last.newState?.state).toBe('on');
    expect(last.newState?.context.userId).toBe('alice');
    expect(Object.isFrozen(last.newState)).toBe(true);
  });

  it('reports availability changes without touching lastChanged', () => {
    const { kernel } = setup();
    const on = kernel.states.update('light.hall', { state: 'on' });
    const gone = kernel.states.update('light.hall', { available: false });
    expect(gone.available).toBe(false);
    expect(gone.lastChanged).toBe(on.lastChanged);
  });

  it('refuses a state that does not belong to the domain', () => {
    const { kernel } = setup();
    expect(() => kernel.states.update('light.hall', { state: 'opening' })).toThrow(/invalid state "opening" for light/);
  });
});

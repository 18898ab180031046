import { describe, expect, it } from 'vitest';
import { NotFoundError, UnavailableError, ValidationError } from '../../../core/errors.js';
import { createContext, createKernel, currentContext, type EventMap } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';

function lightHub() {
  const kernel = createKernel(silentLogger());
  const info = kernel.registry.add({ id: 'light.desk', owner: 'pwm' });
  kernel.states.init(info);
  const calls: string[] = [];
  kernel.dispatcher.register('light.desk', {
    turn_on: (params) => {
      calls.push(`on ${JSON.stringify(params)}`);
      kernel.states.update('light.desk', { state: 'on', attributes: { brightness: params.brightness ?? 100 } });
    },
    turn_off: () => {
      calls.push('off');
      // Later, as a fade would: still in the command's context.
      setTimeout(() => kernel.states.update('light.desk', { state: 'off' }), 0);
    },
  });
  const executed: EventMap['command_executed'][] = [];
  kernel.bus.on('command_executed', (e) => executed.push(e));
  return { kernel, calls, executed };
}

describe('command dispatcher', () => {
  it('runs the handler with validated params and returns the confirmed state', async () => {
    const { kernel, calls } = lightHub();
    const state = await kernel.dispatcher.dispatch({ entityId: 'light.desk', command: 'turn_on', params: { brightness: 40 } });
    expect(calls).toEqual(['on {"brightness":40}']);
    expect(state).toMatchObject({ state: 'on', attributes: { brightness: 40 } });
  });

  it('derives toggle from turn_on/turn_off', async () => {
    const { kernel, calls } = lightHub();
    await kernel.dispatcher.dispatch({ entityId: 'light.desk', command: 'toggle' });
    expect(calls).toEqual(['on {}']);
  });

  it('treats absent, null and empty params alike, and gives handlers params they cannot change for the next command', async () => {
    const { kernel, calls } = lightHub();
    kernel.dispatcher.register('light.desk', {
      turn_on: (params) => {
        calls.push(`on ${JSON.stringify(params)} frozen=${Object.isFrozen(params)}`);
      },
    });
    for (const params of [undefined, null, {}]) await kernel.dispatcher.dispatch({ entityId: 'light.desk', command: 'turn_on', params });
    await kernel.dispatcher.dispatch({ entityId: 'light.desk', command: 'turn_on', params: { brightness: 5 } });
    expect(calls).toEqual(['on {} frozen=true', 'on {} frozen=true', 'on {} frozen=true', 'on {"brightness":5} frozen=false']);
  });

  it('refuses an unknown entity, an unknown command and bad params with typed errors', async () => {
    const { kernel } = lightHub();
    await expect(kernel.dispatcher.dispatch({ entityId: 'light.none', command: 'turn_on' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(kernel.dispatcher.dispatch({ entityId: 'light.desk', command: 'open' })).rejects.toThrow(
      "unknown command 'open' for light; expected one of turn_on, turn_off, toggle",
    );
    const bad = kernel.dispatcher.dispatch({ entityId: 'light.desk', command: 'turn_on', params: { brightness: 140 } });
    await expect(bad).rejects.toBeInstanceOf(ValidationError);
    await expect(kernel.dispatcher.dispatch({ entityId: 'light.desk', command: 'turn_on', params: { colour: 'red' } })).rejects.toThrow(
      /colour/,
    );
  });

  it('carries the command context to the state changes it causes, even later ones', async () => {
    const { kernel } = lightHub();
    const context = createContext({ userId: 'alice' });
    await kernel.dispatcher.dispatch({ entityId: 'light.desk', command: 'turn_on', context });
    expect(kernel.states.get('light.desk')?.context.id).toBe(context.id);
    const changed = new Promise<EventMap['state_changed']>((resolve) => kernel.bus.on('state_changed', resolve));
    await kernel.dispatcher.dispatch({ entityId: 'light.desk', command: 'turn_off', context });
    expect((await changed).newState?.context.userId).toBe('alice');
    expect(currentContext()).toBeUndefined();
  });

  it('answers unavailable with the reason once the owner is unregistered', async () => {
    const { kernel } = lightHub();
    kernel.dispatcher.unregister('light.desk', "plugin 'pwm' failed");
    await expect(kernel.dispatcher.dispatch({ entityId: 'light.desk', command: 'turn_on' })).rejects.toThrow(
      new UnavailableError("'light.desk' cannot take commands: plugin 'pwm' failed"),
    );
  });

  it('reports every command, its outcome and the caller address on the bus', async () => {
    const { kernel, executed } = lightHub();
    await kernel.dispatcher.dispatch({ entityId: 'light.desk', command: 'turn_on', address: '192.0.2.7' });
    await kernel.dispatcher.dispatch({ entityId: 'light.desk', command: 'fly' }).catch(() => undefined);
    expect(executed.map((e) => [e.command, e.ok, e.address])).toEqual([
      ['turn_on', true, '192.0.2.7'],
      ['fly', false, undefined],
    ]);
  });
});

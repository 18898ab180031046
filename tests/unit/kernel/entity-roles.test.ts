import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../core/errors.js';
import { createContext, createKernel, mayCommand, type EventMap, type Role } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';

function gateHub() {
  const kernel = createKernel(silentLogger());
  const info = kernel.registry.add({ id: 'switch.gate', owner: 'gpio', allowedRoles: ['admin'] });
  kernel.states.init(info);
  const calls: string[] = [];
  kernel.dispatcher.register('switch.gate', { turn_on: () => void calls.push('on'), turn_off: () => void calls.push('off') });
  const audits: EventMap['audit'][] = [];
  const executed: EventMap['command_executed'][] = [];
  kernel.bus.on('audit', (e) => audits.push(e));
  kernel.bus.on('command_executed', (e) => executed.push(e));
  return { kernel, calls, audits, executed };
}

describe('entity roles in the dispatcher', () => {
  it('refuses a member on an admin-only entity before the handler runs, and audits the refusal', async () => {
    const { kernel, calls, audits, executed } = gateHub();
    const context = createContext({ userId: 'u-mia', role: 'member' });
    const refused = kernel.dispatcher.dispatch({ entityId: 'switch.gate', command: 'turn_on', context, address: '192.0.2.9' });
    await expect(refused).rejects.toBeInstanceOf(ForbiddenError);
    await expect(refused).rejects.toThrow(/'switch\.gate' may only be commanded by admin.*acts as member/);
    expect(calls).toEqual([]);
    expect(executed).toEqual([]);
    expect(audits).toEqual([
      { action: 'entity.command', outcome: 'denied', context, address: '192.0.2.9', target: 'switch.gate', details: { command: 'turn_on', role: 'member' } },
    ]);
  });

  it('lets an admin and an owner (ranked above admin) through', async () => {
    const { kernel, calls } = gateHub();
    await kernel.dispatcher.dispatch({ entityId: 'switch.gate', command: 'turn_on', context: createContext({ role: 'admin' }) });
    await kernel.dispatcher.dispatch({ entityId: 'switch.gate', command: 'turn_off', context: createContext({ role: 'owner' }) });
    expect(calls).toEqual(['on', 'off']);
  });

  it('lets the hub itself (a context without a role: a triggered automation, a plugin) through', async () => {
    const { kernel, calls } = gateHub();
    await kernel.dispatcher.dispatch({ entityId: 'switch.gate', command: 'turn_on', context: createContext({ automationId: 'night' }) });
    expect(calls).toEqual(['on']);
  });

  it('still answers an unknown entity with not found, not forbidden', async () => {
    const { kernel } = gateHub();
    await expect(kernel.dispatcher.dispatch({ entityId: 'switch.nope', command: 'turn_on', context: createContext({ role: 'member' }) })).rejects.toThrow(/unknown entity/);
  });

  it('mayCommand: a listed role or any above it; no list lets everyone in', () => {
    const table = (allowed: Role[] | undefined) => (['member', 'admin', 'owner'] as const).map((role) => mayCommand(role, allowed));
    expect(table(['admin'])).toEqual([false, true, true]);
    expect(table(['owner'])).toEqual([false, false, true]);
    expect(table(['member'])).toEqual([true, true, true]);
    expect(table(undefined)).toEqual([true, true, true]);
    expect(mayCommand(undefined, ['owner'])).toBe(true);
  });
});

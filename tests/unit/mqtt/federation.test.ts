import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../../core/kernel/index.js';
import { createFederation } from '../../../core/mqtt/federation.js';
import type { SetCommand } from '../../../core/mqtt/commands.js';

function setup() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const kernel = createKernel(log);
  const sent: { node: string; entityId: string; command: SetCommand }[] = [];
  const federation = createFederation({ kernel, log, self: 'main', sendCommand: async (node, entityId, command) => void sent.push({ node, entityId, command }) });
  return { kernel, federation, sent, lines };
}

const remote = (id: string, state: unknown, extra: object = {}) =>
  JSON.stringify({ id, domain: id.split('.')[0], name: 'Pump', area: null, state, attributes: {}, available: true, ...extra });

describe('federation', () => {
  it('refuses an entity id another node already owns, naming both nodes', () => {
    const { kernel, federation, lines } = setup();
    kernel.states.init(kernel.registry.add({ id: 'switch.pump', owner: 'gpio' }));
    federation.onState('sat', 'switch.pump', remote('switch.pump', 'on'));
    expect(kernel.registry.get('switch.pump')?.owner).toBe('gpio');
    expect(kernel.states.get('switch.pump')?.state).toBeNull();
    expect(lines.find((l) => l.level === 50)?.msg).toMatch(/published by node 'sat' but already belongs to node 'main' \(plugin 'gpio'\)/);

    federation.onState('attic', 'switch.fan', remote('switch.fan', 'off'));
    federation.onState('cellar', 'switch.fan', remote('switch.fan', 'on'));
    expect(kernel.registry.get('switch.fan')?.owner).toBe('node:attic');
    expect(lines.some((l) => String(l.msg).includes("already belongs to node 'attic'"))).toBe(true);
  });

  it('routes commands to the owner and refuses them while the node is offline', async () => {
    const { kernel, federation, sent } = setup();
    federation.onStatus('sat', 'online');
    federation.onState('sat', 'switch.pump', remote('switch.pump', 'off'));
    await kernel.dispatcher.dispatch({ entityId: 'switch.pump', command: 'toggle' });
    expect(sent).toEqual([{ node: 'sat', entityId: 'switch.pump', command: { command: 'toggle', params: {}, node: 'main' } }]);

    federation.onStatus('sat', 'offline');
    expect(kernel.states.get('switch.pump')?.available).toBe(false);
    await expect(kernel.dispatcher.dispatch({ entityId: 'switch.pump', command: 'turn_on' })).rejects.toThrow(/node 'sat' is offline/);
    federation.onStatus('sat', 'online');
    expect(kernel.states.get('switch.pump')?.available).toBe(true);
  });

  it('routes every command of the newer domains, with their params, to the owner', async () => {
    const { kernel, federation, sent } = setup();
    federation.onStatus('sat', 'online');
    federation.onState('sat', 'lock.front_door', remote('lock.front_door', 'locked'));
    federation.onState('sat', 'alarm_control_panel.house', remote('alarm_control_panel.house', 'armed_away'));
    federation.onState('sat', 'select.mode', remote('select.mode', 'eco', { attributes: { options: ['eco', 'comfort'] } }));
    await kernel.dispatcher.dispatch({ entityId: 'lock.front_door', command: 'unlock' });
    await kernel.dispatcher.dispatch({ entityId: 'alarm_control_panel.house', command: 'disarm', params: { code: '1234' } });
    await kernel.dispatcher.dispatch({ entityId: 'select.mode', command: 'select_option', params: { option: 'comfort' } });
    // Checked here first: the mirror carries the owner's options.
    await expect(kernel.dispatcher.dispatch({ entityId: 'select.mode', command: 'select_option', params: { option: 'turbo' } })).rejects.toThrow(/not one of eco, comfort/);
    expect(sent.map((s) => [s.entityId, s.command.command, s.command.params])).toEqual([
      ['lock.front_door', 'unlock', {}],
      ['alarm_control_panel.house', 'disarm', { code: '1234' }],
      ['select.mode', 'select_option', { option: 'comfort' }],
    ]);
  });

    it('keeps an entity unavailable when its own node says so, and removes it on an empty retained state', () => {
    const { kernel, federation } = setup();
    federation.onState('sat', 'sensor.t', remote('sensor.t', 21, { available: false, attributes: { unit: '°C' } }));
    federation.onStatus('sat', 'online');
    expect(kernel.states.get('sensor.t')).toMatchObject({ state: 21, available: false, attributes: { unit: '°C' } });
    federation.onState('sat', 'sensor.t', '');
    expect(kernel.registry.get('sensor.t')).toBeUndefined();
  });

  it('ignores its own node and malformed states', () => {
    const { kernel, federation } = setup();
    federation.onState('main', 'switch.pump', remote('switch.pump', 'on'));
    federation.onState('sat', 'switch.pump', '{not json');
    federation.onState('sat', 'switch.other', remote('switch.pump', 'on'));
    expect(kernel.registry.list()).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../../core/errors.js';
import { createKernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';

describe('entity registry', () => {
  const kernel = () => createKernel(silentLogger());

  it('accepts ids of the known domains and derives the domain', () => {
    const { registry } = kernel();
    expect(registry.add({ id: 'cover.living_room', owner: 'shutter', area: 'living_room' })).toMatchObject({
      domain: 'cover',
      area: 'living_room',
      name: 'Living room',
    });
  });

  it.each(['light.Hall', 'lamp.hall', 'light.', 'light.hall-1', 'hall'])('refuses the malformed id %s', (id) => {
    expect(() => kernel().registry.add({ id, owner: 'x' })).toThrow(ValidationError);
  });

  it('refuses a duplicate id and names both owners', () => {
    const { registry } = kernel();
    registry.add({ id: 'switch.pump', owner: 'gpio' });
    const attempt = () => registry.add({ id: 'switch.pump', owner: 'mqtt' });
    expect(attempt).toThrow(ConflictError);
    expect(attempt).toThrow("entity 'switch.pump' is declared by both 'gpio' and 'mqtt'");
  });

  it('says which entity is unknown', () => {
    expect(() => kernel().registry.require('light.nowhere')).toThrow(new NotFoundError("unknown entity 'light.nowhere'"));
  });

  it('announces additions and removals on the bus', () => {
    const k = kernel();
    const seen: string[] = [];
    k.bus.on('entity_added', (e) => seen.push(`+${e.entityId}`));
    k.bus.on('entity_removed', (e) => seen.push(`-${e.entityId}`));
    k.registry.add({ id: 'sensor.t', owner: 'a' });
    k.registry.remove('sensor.t');
    expect(seen).toEqual(['+sensor.t', '-sensor.t']);
  });
});

import { describe, expect, it } from 'vitest';
import { changeAreas, setAt } from '../../../core/config/index.js';
import { ValidationError } from '../../../core/errors.js';

const raw = {
  areas: ['hall', 'living_room', 'attic'],
  plugins: [
    { use: 'gpio', entities: [{ id: 'light.hall', line: 27, area: 'hall' }, { id: 'switch.fan', line: 4, area: 'attic' }] },
    { use: 'climate-i2c', devices: [{ chip: 'bme280', prefix: 'attic', area: 'attic' }] },
    { use: 'shutter', entities: [{ id: 'cover.living_room', upLine: 5, downLine: 6, area: 'living_room' }] },
  ],
};

/** Plugin entries whose lists of devices are read by key. */
type Plugins = Record<string, Record<string, unknown>[]>[];

describe('changeAreas', () => {
  it('a rename takes every device of the area along, wherever the plugin keeps its devices', () => {
    const out = changeAreas(raw, { areas: ['entrance', 'living_room', 'attic'], renamed: { hall: 'entrance' } });
    expect(out.areas).toEqual(['entrance', 'living_room', 'attic']);
    expect(JSON.stringify(out.plugins)).not.toContain('"hall"');
    expect((out.plugins as Plugins)[0]!.entities![0]).toEqual({ id: 'light.hall', line: 27, area: 'entrance' });
  });

  it('a deleted area sends its devices where moveDevices says, or out of any area; a prefix of the same name is left alone', () => {
    const moved = changeAreas(raw, { areas: ['hall', 'living_room'], moveDevices: { attic: 'hall' } }).plugins as Plugins;
    expect(moved[0]!.entities![1]).toEqual({ id: 'switch.fan', line: 4, area: 'hall' });
    expect(moved[1]!.devices![0]).toEqual({ chip: 'bme280', prefix: 'attic', area: 'hall' });
    const dropped = changeAreas(raw, { areas: ['living_room', 'hall'] }).plugins as Plugins;
    expect(dropped[0]!.entities![1]).toEqual({ id: 'switch.fan', line: 4 });
    expect(dropped[0]!.entities![0]!.area).toBe('hall');
  });

  it('leaves the input as it was', () => {
    const copy = structuredClone(raw);
    changeAreas(raw, { areas: [], renamed: { hall: 'x' } });
    expect(raw).toEqual(copy);
  });
});

describe('setAt', () => {
  it('sets, creates maps on the way, deletes, and removes list items', () => {
    expect(setAt({ a: 1 }, ['logging', 'level'], 'debug')).toEqual({ a: 1, logging: { level: 'debug' } });
    expect(setAt({ a: 1, b: 2 }, ['b'], undefined)).toEqual({ a: 1 });
    expect(setAt({ l: [1, 2, 3] }, ['l', 1], undefined)).toEqual({ l: [1, 3] });
    expect(setAt({ l: [{ x: 1 }] }, ['l', 0, 'x'], 2)).toEqual({ l: [{ x: 2 }] });
  });

  it('a path through a scalar or past a list is a 400', () => {
    expect(() => setAt({ a: 1 }, ['a', 'b'], 2)).toThrow(ValidationError);
    expect(() => setAt({ l: [] }, ['l', 3], 2)).toThrow(ValidationError);
    expect(() => setAt({}, [], 2)).toThrow(ValidationError);
  });
});

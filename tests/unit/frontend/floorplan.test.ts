import { describe, expect, it } from 'vitest';
import type { EntityState } from '../../../frontend/src/api/types.js';
import { backgroundProblem, labelPoint, MAX_BACKGROUND_BYTES, relativeTo, snap, summariseRoom, zoomAbout, type Corner } from '../../../frontend/src/lib/floorplan.js';

const entity = (id: string, area: string, state: EntityState['state'], attributes: Record<string, unknown> = {}): EntityState =>
  ({ id, domain: id.split('.')[0]!, name: id, area, state, attributes, available: true, lastChanged: '', lastUpdated: '', context: { id: 'c' } }) as EntityState;

describe('floor-plan logic', () => {
  it('sums a room up: first temperature, lights on, and the most urgent tint', () => {
    const house = [
      entity('sensor.kitchen_temperature', 'kitchen', 21.26, { deviceClass: 'temperature', unit: '°C' }),
      entity('light.kitchen', 'kitchen', 'on'),
      entity('light.hall', 'hall', 'on'),
    ];
    expect(summariseRoom('kitchen', house)).toEqual({ temperature: '21.3 °C', lightsOn: 1, tint: 'light' });
    const windowOpen = [...house, entity('binary_sensor.kitchen_window', 'kitchen', 'on', { deviceClass: 'window' })];
    expect(summariseRoom('kitchen', windowOpen).tint).toBe('open');
    const alarm = [...windowOpen, entity('alarm_control_panel.home', 'hall', 'triggered', { openZones: ['binary_sensor.kitchen_window'] })];
    expect(summariseRoom('kitchen', alarm).tint).toBe('alarm');
    expect(summariseRoom('bedroom', alarm)).toEqual({ lightsOn: 0, tint: 'none' });
  });

  it('puts a label inside its room, even for an L shape whose corners surround another room', () => {
    const ell: Corner[] = [[32, 0], [40, 0], [40, 30], [0, 30], [0, 22], [32, 22]];
    const [x, y] = labelPoint(ell);
    expect(x > 32 || y > 22).toBe(true);
    expect(labelPoint([[0, 0], [10, 0], [10, 6], [0, 6]])).toEqual([4.5, 2.5]);
  });

  it('snaps to the grid, clamps a pointer to the plan, and zooms about the fingers', () => {
    expect(snap(0.26, 0.49, { columns: 40, rows: 30 })).toEqual([10, 15]);
    expect(relativeTo({ left: 10, top: 20, width: 200, height: 100 }, 260, 70)).toEqual({ x: 1, y: 0.5 });
    const zoomed = zoomAbout({ scale: 1, x: 0, y: 0 }, 2, 100, 50);
    expect(zoomed).toEqual({ scale: 2, x: -100, y: -50 });
    expect(zoomAbout(zoomed, 0.1, 0, 0).scale).toBe(1);
  });

  it('a background picture is refused before upload when the hub would refuse it', () => {
    expect(backgroundProblem({ type: 'image/png', size: MAX_BACKGROUND_BYTES })).toBeUndefined();
    expect(backgroundProblem({ type: 'image/svg+xml', size: 10 })).toBeUndefined();
    expect(backgroundProblem({ type: 'image/jpeg', size: MAX_BACKGROUND_BYTES + 1 })).toBe('size');
    expect(backgroundProblem({ type: 'image/gif', size: 10 })).toBe('type');
    expect(backgroundProblem({ type: '', size: 10 })).toBe('type');
  });
});

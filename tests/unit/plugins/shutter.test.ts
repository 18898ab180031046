import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { createSimBoard } from '../../../hardware/index.js';

const shutter = (extra: Record<string, unknown> = {}) => ({
  plugins: [{ use: 'shutter', entities: [{ id: 'cover.living_room', upLine: 5, downLine: 6, activeLow: true, travelUpS: 20, travelDownS: 16, ...extra }] }],
});

let hub: TestHub | undefined;
beforeEach(() => void vi.useFakeTimers());
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  vi.useRealTimers();
});

describe('shutter plugin', () => {
  it('runs about half its travel time for 50 % and stops, lines never both energised', async () => {
    hub = await createTestHub({ config: shutter() });
    const hardware = hub.hardware;
    // Added after the plugin opened its relays: unconfigured active-low lines read as both energised.
    const motor = hardware.sim.addShutter({ upLine: 5, downLine: 6, travelUpS: 20, travelDownS: 16, activeLow: true });
    await hub.command('cover.living_room', 'set_position', { position: 50 });
    expect(hub.state('cover.living_room')).toMatchObject({ state: 'opening', attributes: { targetPosition: 50 } });
    expect(hardware.sim.level(5)).toBe(0); // up relay energised (active low)
    await vi.advanceTimersByTimeAsync(9_900);
    expect(motor.motion()).toBe('up');
    await vi.advanceTimersByTimeAsync(200);
    expect(motor.motion()).toBe('stopped');
    expect(motor.position()).toBeCloseTo(50, 0);
    expect(hub.state('cover.living_room')).toMatchObject({ state: 'open', attributes: { position: 50 } });
    expect(hub.state('cover.living_room').attributes.targetPosition).toBeUndefined();
    expect(motor.faults()).toEqual([]);
  });

  it('waits the dead time before reversing', async () => {
    hub = await createTestHub({ config: shutter({ deadTimeMs: 800 }) });
    await hub.command('cover.living_room', 'open');
    await vi.advanceTimersByTimeAsync(5000);
    await hub.command('cover.living_room', 'close');
    expect(hub.sim.level(5)).toBe(1);
    expect(hub.sim.level(6)).toBe(1); // both released during the dead time
    await vi.advanceTimersByTimeAsync(799);
    expect(hub.sim.level(6)).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(hub.sim.level(6)).toBe(0);
    expect(hub.state('cover.living_room').state).toBe('closing');
  });

  it('runs on into the limit switch and clears the estimate there', async () => {
    hub = await createTestHub({ config: shutter({ runOnS: 2 }) });
    await hub.command('cover.living_room', 'open');
    await vi.advanceTimersByTimeAsync(21_000);
    expect(hub.sim.level(5)).toBe(0); // still running on
    await hub.command('cover.living_room', 'open'); // a second press must not cut the run-on short
    expect(hub.sim.level(5)).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(hub.sim.level(5)).toBe(1);
    expect(hub.state('cover.living_room')).toMatchObject({ state: 'open', attributes: { position: 100, estimated: false } });
  });

  it('persists the position and the last stop across a restart, marked estimated until an end-stop run', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-shutter-'));
    const hardware = createSimBoard();
    const first = await createTestHub({ hardware, dataDir, config: shutter() });
    await first.command('cover.living_room', 'open');
    await vi.advanceTimersByTimeAsync(22_000);
    await first.command('cover.living_room', 'set_position', { position: 25 });
    await vi.advanceTimersByTimeAsync(1000 + 12_000); // reversal dead time, then 75 % of 16 s
    await first.stop({ keepBoard: true });
    hub = await createTestHub({ hardware, dataDir, config: shutter() });
    expect(hub.state('cover.living_room')).toMatchObject({ state: 'open', attributes: { position: 25, estimated: true } });
    await hub.command('cover.living_room', 'set_position', { position: 50 });
    await vi.advanceTimersByTimeAsync(1000 + 2000); // dead time, then 10 % of 20 s
    await hub.stop({ keepBoard: true });
    hub = await createTestHub({ hardware, dataDir, config: shutter() });
    expect(hub.state('cover.living_room')).toMatchObject({ attributes: { position: 35, estimated: true } });
  });

  it('with power + direction wiring, moves the direction relay only while power is off', async () => {
    const config = { plugins: [{ use: 'shutter', entities: [{ id: 'cover.garage', powerLine: 12, directionLine: 13, travelUpS: 10, travelDownS: 10 }] }] };
    hub = await createTestHub({ config });
    const violations: number[] = [];
    hub.sim.onLineChange((line, _v, at) => line === 13 && hub!.sim.level(12) === 1 && violations.push(at));
    const opening = hub.command('cover.garage', 'open');
    await vi.advanceTimersByTimeAsync(100);
    await opening;
    expect(hub.sim.level(13)).toBe(1);
    expect(hub.sim.level(12)).toBe(1);
    await hub.command('cover.garage', 'close');
    await vi.advanceTimersByTimeAsync(1200);
    expect(hub.state('cover.garage').state).toBe('closing');
    expect(hub.sim.level(13)).toBe(0);
    expect(violations).toEqual([]);
  });
});

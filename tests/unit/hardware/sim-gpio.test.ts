import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimBoard, isSimHardware, type Level } from '../../../hardware/index.js';
import { openHardware } from '../../../hardware/hub.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('sim board GPIO', () => {
  it('openHardware({backend: "sim"}) gives a ready, empty board', async () => {
    const hw = await openHardware({ backend: 'sim' });
    if (!isSimHardware(hw)) throw new Error(`expected the sim board, got ${hw.backend}`);
    expect(hw.sim.lines()).toEqual([]);
    expect(await hw.i2c(1).scan()).toEqual([]);
    expect(await hw.oneWire.list()).toEqual([]);
    await hw.close();
  });

  it('an active-low output without initial never goes physically low when opened', () => {
    const hw = createSimBoard();
    const seen: Level[] = [];
    hw.sim.onLineChange((line, v) => line === 27 && seen.push(v));
    hw.gpio.open(27, { direction: 'out', activeLow: true });
    expect(hw.sim.level(27)).toBe(1);
    expect(seen).not.toContain(0);
    expect(hw.sim.lines()).toEqual([{ line: 27, direction: 'out', value: 1 }]);
  });

  it('writes logical levels, shows physical ones, and releases outputs on close', async () => {
    const hw = createSimBoard();
    const relay = hw.gpio.open(5, { direction: 'out', activeLow: true });
    hw.gpio.open(6, { direction: 'out', initial: 1 });
    expect(hw.sim.level(6)).toBe(1);
    await relay.write(1);
    expect(hw.sim.level(5)).toBe(0);
    expect(await relay.read()).toBe(1);
    await relay.close();
    expect(hw.sim.level(5)).toBe(1);
    await expect(relay.write(1)).rejects.toThrow(/closed/);
    await hw.close();
    expect(hw.sim.level(6)).toBe(0);
    expect(() => hw.gpio.open(6, { direction: 'out' })).toThrow(/closed/);
  });

  it('inputs follow drive(), outputs cannot be driven, inputs cannot be written', async () => {
    const hw = createSimBoard();
    const button = hw.gpio.open(17, { direction: 'in', activeLow: true });
    hw.sim.drive(17, 0);
    expect(await button.read()).toBe(1);
    await expect(button.write(1)).rejects.toThrow(/input/);
    hw.gpio.open(18, { direction: 'out' });
    expect(() => hw.sim.drive(18, 1)).toThrow(/output/);
    expect(() => hw.gpio.open(17, { direction: 'in' })).toThrow(/already open/);
    expect(() => hw.gpio.open(99, { direction: 'in' })).toThrow(/does not exist/);
  });

  it('an undriven input idles at its bias, as an open contact does on a Pi; a driven one keeps its level', async () => {
    const hw = createSimBoard();
    const door = hw.gpio.open(5, { direction: 'in', bias: 'pull-up' });
    expect(hw.sim.level(5)).toBe(1);
    expect(await door.read()).toBe(1);
    hw.sim.drive(6, 1);
    hw.gpio.open(6, { direction: 'in', bias: 'pull-down' });
    expect(hw.sim.level(6)).toBe(1);
  });

  it('debounces: a bounce shorter than debounceMs reports nothing, a held level reports once', async () => {
    const hw = createSimBoard();
    const pir = hw.gpio.open(17, { direction: 'in', debounceMs: 30 });
    const events: [Level, number][] = [];
    pir.watch((v, at) => events.push([v, at]));
    const t0 = Date.now();
    hw.sim.drive(17, 1);
    vi.advanceTimersByTime(10);
    hw.sim.drive(17, 0);
    vi.advanceTimersByTime(50);
    expect(events).toEqual([]);
    hw.sim.drive(17, 1);
    vi.advanceTimersByTime(29);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual([[1, t0 + 90]]);
  });

  it('filters edges and isolates a throwing watcher', () => {
    const errors: unknown[] = [];
    const hw = createSimBoard({ onWatchError: (e) => errors.push(e) });
    const line = hw.gpio.open(4, { direction: 'in', edge: 'falling' });
    const seen: Level[] = [];
    line.watch(() => {
      throw new Error('broken plugin');
    });
    const unwatch = line.watch((v) => seen.push(v));
    hw.sim.drive(4, 1);
    hw.sim.drive(4, 0);
    unwatch();
    hw.sim.drive(4, 1);
    hw.sim.drive(4, 0);
    expect(seen).toEqual([0]);
    expect(errors).toHaveLength(2);
  });
});

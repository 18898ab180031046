import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimBoard } from '../../../hardware/index.js';

beforeEach(() => vi.useFakeTimers({ now: new Date('2025-06-21T12:00:00Z') }));
afterEach(() => vi.useRealTimers());

describe('shutter motor', () => {
  it('moves while its relay is energised and stops at the limits', async () => {
    const hw = createSimBoard();
    const shutter = hw.sim.addShutter({ upLine: 5, downLine: 6, travelUpS: 20, travelDownS: 10 });
    const up = hw.gpio.open(5, { direction: 'out', activeLow: true });
    const down = hw.gpio.open(6, { direction: 'out', activeLow: true });
    expect(shutter.position()).toBe(0);
    await up.write(1);
    vi.advanceTimersByTime(10_000);
    expect(shutter.position()).toBeCloseTo(50, 6);
    expect(shutter.motion()).toBe('up');
    vi.advanceTimersByTime(15_000);
    expect(shutter.position()).toBe(100);
    expect(shutter.motion()).toBe('stopped');
    await up.write(0);
    await down.write(1);
    vi.advanceTimersByTime(2_500);
    expect(shutter.position()).toBeCloseTo(75, 6);
    await hw.close(); // relays released: the motor stops where it is
    vi.advanceTimersByTime(5_000);
    expect(shutter.position()).toBeCloseTo(75, 6);
    expect(shutter.faults()).toEqual([]);
  });

  it('records both relays energised together and does not move', async () => {
    const hw = createSimBoard();
    const shutter = hw.sim.addShutter({ upLine: 5, downLine: 6, travelUpS: 20, travelDownS: 20, activeLow: false, position: 40 });
    const up = hw.gpio.open(5, { direction: 'out' });
    const down = hw.gpio.open(6, { direction: 'out' });
    await up.write(1);
    await down.write(1);
    vi.advanceTimersByTime(5_000);
    expect(shutter.position()).toBe(40);
    expect(shutter.faults()).toHaveLength(1);
  });
});

describe('environment', () => {
  it('daylight follows the sun on the sim clock, clouds and rain dim it', () => {
    const hw = createSimBoard({ clock: { start: new Date('2025-06-21T12:00:00Z') } });
    const env = hw.sim.environment;
    const noon = env.outdoor().lux;
    // Paris at the June solstice: the sun culminates at about 64.6°.
    expect(env.outdoor().sunAltitudeDeg).toBeGreaterThan(60);
    expect(env.outdoor().sunAltitudeDeg).toBeLessThan(66);
    expect(noon).toBeGreaterThan(80_000);
    hw.sim.clock.set(new Date('2025-06-21T23:30:00Z'));
    expect(env.outdoor().lux).toBeLessThan(1);
    hw.sim.clock.set(new Date('2025-06-21T12:00:00Z'));
    env.setRain(true);
    expect(env.outdoor().lux).toBeLessThanOrEqual(noon * 0.2);
    expect(env.outdoor().humidityPct).toBe(95);
  });

  it('runs fast: at speed 3600 an hour of sun passes in a timer second', () => {
    const hw = createSimBoard({ clock: { start: new Date('2025-06-21T04:00:00Z'), speed: 3600 } });
    const before = hw.sim.environment.outdoor().sunAltitudeDeg;
    vi.advanceTimersByTime(1000);
    expect(hw.sim.clock.now()).toBe(+new Date('2025-06-21T05:00:00Z'));
    expect(hw.sim.environment.outdoor().sunAltitudeDeg).toBeGreaterThan(before + 5);
  });

  it('rooms warm with a heater relay on and cool when it is released', async () => {
    const hw = createSimBoard();
    const room = hw.sim.environment.room('living_room', { temperatureC: 18 });
    hw.sim.environment.setOutdoor({ temperatureC: 5 });
    hw.sim.addHeater({ line: 22, room: 'living_room' });
    const heater = hw.gpio.open(22, { direction: 'out' });
    await heater.write(1);
    hw.sim.clock.advance(3 * 3_600_000);
    const warm = room.climate().temperatureC;
    expect(warm).toBeGreaterThan(20);
    await heater.write(0);
    hw.sim.clock.advance(6 * 3_600_000);
    expect(room.climate().temperatureC).toBeLessThan(warm - 2);
  });

  it('a rain sensor line follows the weather', () => {
    const hw = createSimBoard();
    hw.sim.addRainSensor({ line: 23, activeLow: true });
    expect(hw.sim.level(23)).toBe(1);
    hw.sim.environment.setRain(true);
    expect(hw.sim.level(23)).toBe(0);
  });
});

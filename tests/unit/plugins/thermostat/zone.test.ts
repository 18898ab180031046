import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../../core/errors.js';
import { createTestHub, type TestHub } from '../../../../core/testing/index.js';
import { roomPlugin, type RoomHandles } from './fixture.js';

const HEATER_LINE = 23;
const bedroom = { id: 'climate.bedroom', sensor: 'sensor.bedroom_temperature', heater: 'switch.bedroom_heater', target: 20, tolerance: 0.3, minCycleS: 300, sensorTimeoutS: 600 };
const configWith = (zone: Record<string, unknown>) => ({
  plugins: [
    { use: 'room' },
    { use: 'thermostat', zones: [zone] },
    { use: 'gpio', entities: [{ id: 'switch.bedroom_heater', line: HEATER_LINE }] },
  ],
});

let hub: TestHub | undefined;
let handles: RoomHandles;
const dirs: string[] = [];
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  vi.useRealTimers();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(zone: Record<string, unknown> = bedroom, dataDir?: string): Promise<TestHub> {
  handles = {};
  hub = await createTestHub({ plugins: { room: roomPlugin(handles) }, config: configWith(zone), ...(dataDir && { dataDir }) });
  await vi.advanceTimersByTimeAsync(0);
  return hub;
}
const reading = async (c: number) => {
  handles.sensor!.setAvailable(true);
  handles.sensor!.setState(c);
  await vi.advanceTimersByTimeAsync(0);
};
const zone = () => hub!.state('climate.bedroom');
const relay = () => hub!.sim.level(HEATER_LINE);

describe('thermostat zone on a relay', () => {
  it('heats below target − tolerance, stops above target + tolerance, and says so in hvacAction', async () => {
    vi.useFakeTimers();
    await start();
    await reading(19.8);
    expect(relay()).toBe(0);
    expect(zone()).toMatchObject({ state: 'heat', attributes: { currentTemperature: 19.8, targetTemperature: 20, hvacAction: 'idle', preset: 'none' } });
    await reading(19.7);
    expect(relay()).toBe(1);
    expect(hub!.state('switch.bedroom_heater').state).toBe('on');
    expect(zone().attributes.hvacAction).toBe('heating');
    await vi.advanceTimersByTimeAsync(300_000);
    await reading(20.2);
    expect(relay()).toBe(1);
    await reading(20.3);
    expect(relay()).toBe(0);
    expect(zone().attributes.hvacAction).toBe('idle');
  });

  it('waits out the minimum cycle before switching again', async () => {
    vi.useFakeTimers();
    await start();
    await reading(18);
    expect(relay()).toBe(1);
    await reading(22);
    expect(relay()).toBe(1);
    await vi.advanceTimersByTimeAsync(299_000);
    expect(relay()).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(relay()).toBe(0);
  });

  it('presets set the target; a set temperature leaves the preset; boost lasts its duration and hands back', async () => {
    vi.useFakeTimers();
    await start({ ...bedroom, presets: { comfort: 21, eco: 17 }, boost: { durationS: 1800 } });
    await reading(19);
    expect(zone().attributes).toMatchObject({ presets: ['comfort', 'eco', 'away', 'frost', 'boost'], minTemp: 5, maxTemp: 30, step: 0.5 });
    await hub!.command('climate.bedroom', 'set_preset', { preset: 'eco' });
    expect(zone().attributes).toMatchObject({ preset: 'eco', targetTemperature: 17 });
    await hub!.command('climate.bedroom', 'set_preset', { preset: 'away' });
    expect(zone().attributes).toMatchObject({ preset: 'away', targetTemperature: 15 });
    await hub!.command('climate.bedroom', 'set_temperature', { temperature: 19.5 });
    expect(zone().attributes).toMatchObject({ preset: 'none', targetTemperature: 19.5 });
    await hub!.command('climate.bedroom', 'set_preset', { preset: 'boost' });
    expect(zone().attributes).toMatchObject({ preset: 'boost', targetTemperature: 23, hvacAction: 'heating' });
    expect(Date.parse(zone().attributes.boostUntil as string)).toBe(Date.now() + 1_800_000);
    await vi.advanceTimersByTimeAsync(1_799_000);
    expect(zone().attributes.preset).toBe('boost');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(zone().attributes).toMatchObject({ preset: 'none', targetTemperature: 19.5, boostUntil: null });
  });

  it('refuses what it cannot do: cooling, unknown presets, targets out of range', async () => {
    vi.useFakeTimers();
    await start();
    await expect(hub!.command('climate.bedroom', 'set_hvac_mode', { mode: 'cool' })).rejects.toMatchObject({ status: 409 });
    await expect(hub!.command('climate.bedroom', 'set_preset', { preset: 'party' })).rejects.toMatchObject({ status: 400 });
    await expect(hub!.command('climate.bedroom', 'set_temperature', { temperature: 35 })).rejects.toMatchObject({ status: 400 });
    await expect(hub!.command('climate.bedroom', 'set_temperature', { temperature: 'warm' })).rejects.toMatchObject({ status: 400 });
  });

  it('turned off, it releases the relay at once and reports off', async () => {
    vi.useFakeTimers();
    await start();
    await reading(18);
    expect(relay()).toBe(1);
    await hub!.command('climate.bedroom', 'turn_off');
    expect(relay()).toBe(0);
    expect(zone()).toMatchObject({ state: 'off', attributes: { hvacAction: 'off' } });
    await vi.advanceTimersByTimeAsync(300_000);
    await hub!.command('climate.bedroom', 'set_hvac_mode', { mode: 'heat' });
    expect(relay()).toBe(1);
  });

  it('an open window stops heating at once while it is open', async () => {
    vi.useFakeTimers();
    await start({ ...bedroom, window: 'binary_sensor.bedroom_window' });
    await reading(18);
    expect(relay()).toBe(1);
    handles.window!.setState('on');
    await vi.advanceTimersByTimeAsync(0);
    expect(relay()).toBe(0);
    expect(zone().attributes).toMatchObject({ hvacAction: 'idle', cutoff: 'window', cutoffReason: 'binary_sensor.bedroom_window is open' });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(relay()).toBe(0);
    handles.window!.setState('off');
    await vi.advanceTimersByTimeAsync(0);
    expect(relay()).toBe(1);
    expect(zone().attributes.cutoff).toBeNull();
  });

  it('a fast temperature drop counts as an open window for offS', async () => {
    vi.useFakeTimers();
    await start({ ...bedroom, windowDrop: { dropC: 1, withinS: 300, offS: 900 } });
    await reading(19.5);
    expect(relay()).toBe(1);
    await vi.advanceTimersByTimeAsync(120_000);
    await reading(18.4);
    expect(relay()).toBe(0);
    expect(zone().attributes).toMatchObject({ cutoff: 'window', cutoffReason: 'temperature fell fast: a window is open' });
    await vi.advanceTimersByTimeAsync(899_000);
    expect(relay()).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(relay()).toBe(1);
  });

  it('a sensor unavailable longer than sensorTimeoutS releases the heater and says why', async () => {
    vi.useFakeTimers();
    await start();
    await reading(18);
    expect(relay()).toBe(1);
    handles.sensor!.setAvailable(false);
    await vi.advanceTimersByTimeAsync(599_000);
    expect(relay()).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(relay()).toBe(0);
    expect(zone().attributes).toMatchObject({ hvacAction: 'idle', cutoff: 'sensor', cutoffReason: 'sensor.bedroom_temperature unavailable for more than 600 s' });
    await reading(18);
    expect(zone().attributes.cutoff).toBeNull();
    // The relay was released a moment ago: it heats again once the minimum cycle allows.
    expect(relay()).toBe(0);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(relay()).toBe(1);
  });

  it('follows its schedule: the block’s preset inside, eco outside', async () => {
    vi.useFakeTimers();
    await start({ ...bedroom, schedule: 'schedule.bedroom' });
    handles.schedule!.setState('on', { value: 'comfort' });
    await vi.advanceTimersByTimeAsync(0);
    expect(zone().attributes).toMatchObject({ preset: 'comfort', targetTemperature: 20, schedule: 'schedule.bedroom' });
    await hub!.command('climate.bedroom', 'set_preset', { preset: 'away' });
    handles.schedule!.setState('off', { value: null });
    await vi.advanceTimersByTimeAsync(0);
    expect(zone().attributes).toMatchObject({ preset: 'eco', targetTemperature: 17 });
    handles.schedule!.setState('on', { value: 21.5 });
    await vi.advanceTimersByTimeAsync(0);
    expect(zone().attributes).toMatchObject({ preset: 'none', targetTemperature: 21.5 });
  });

  it('restores mode, target and preset after a restart', async () => {
    vi.useFakeTimers();
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-thermostat-'));
    dirs.push(dataDir);
    await start(bedroom, dataDir);
    await hub!.command('climate.bedroom', 'set_preset', { preset: 'away' });
    await hub!.stop();
    await start(bedroom, dataDir);
    expect(zone()).toMatchObject({ state: 'heat', attributes: { preset: 'away', targetTemperature: 15 } });
    await hub!.command('climate.bedroom', 'set_temperature', { temperature: 18.5 });
    await hub!.command('climate.bedroom', 'turn_off');
    await hub!.stop();
    await start(bedroom, dataDir);
    expect(zone()).toMatchObject({ state: 'off', attributes: { preset: 'none', targetTemperature: 18.5 } });
  });
});

describe('thermostat config and restarts', () => {
  it('a zone needs exactly one output, and says where', async () => {
    for (const zone of [{ ...bedroom, heater: undefined }, { ...bedroom, filPilote: { positiveLine: 20, negativeLine: 21 } }]) {
      const error = await createTestHub({ plugins: { room: roomPlugin({}) }, config: configWith(zone) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect(String(error)).toMatch(/plugins\[1\]\.zones\[0\]/);
    }
  });

  it('a boost running at a restart ends when it would have', async () => {
    vi.useFakeTimers();
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-thermostat-'));
    dirs.push(dataDir);
    await start({ ...bedroom, boost: { durationS: 3600 } }, dataDir);
    await hub!.command('climate.bedroom', 'set_preset', { preset: 'eco' });
    await hub!.command('climate.bedroom', 'set_preset', { preset: 'boost' });
    await vi.advanceTimersByTimeAsync(1_000_000);
    await hub!.stop();
    await start({ ...bedroom, boost: { durationS: 3600 } }, dataDir);
    expect(zone().attributes).toMatchObject({ preset: 'boost', targetTemperature: 22 });
    await vi.advanceTimersByTimeAsync(2_599_000);
    expect(zone().attributes.preset).toBe('boost');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(zone().attributes).toMatchObject({ preset: 'eco', targetTemperature: 17 });
  });
});

describe('thermostat zone on a fil pilote radiator', () => {
  const POS = 20;
  const NEG = 21;
  const living = { id: 'climate.bedroom', sensor: 'sensor.bedroom_temperature', target: 20, minCycleS: 0, filPilote: { positiveLine: POS, negativeLine: NEG } };
  const wire = () => [hub!.sim.level(POS), hub!.sim.level(NEG)];

  it('says comfort while heating, frost while idle or cut off, off when turned off', async () => {
    vi.useFakeTimers();
    await start(living);
    expect(wire()).toEqual([0, 1]);
    await reading(18);
    expect(wire()).toEqual([0, 0]);
    expect(zone().attributes.hvacAction).toBe('heating');
    await reading(21);
    expect(wire()).toEqual([0, 1]);
    await hub!.command('climate.bedroom', 'turn_off');
    expect(wire()).toEqual([1, 0]);
  });

  it('pulses a full sine for 3 s every 5 minutes when heating on comfort −1', async () => {
    vi.useFakeTimers();
    await start({ ...living, filPilote: { positiveLine: POS, negativeLine: NEG, heatOrder: 'comfort-1' } });
    await reading(18);
    expect(wire()).toEqual([1, 1]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(wire()).toEqual([0, 0]);
    await vi.advanceTimersByTimeAsync(297_000);
    expect(wire()).toEqual([1, 1]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(wire()).toEqual([0, 0]);
    await reading(21);
    expect(wire()).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(wire()).toEqual([0, 1]);
  });
});

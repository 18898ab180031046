import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { createMcp23017Emulator, createSimBoard } from '../../../hardware/index.js';
import { ConfigError } from '../../../core/config/index.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  vi.useRealTimers();
});

const gpio = (entities: unknown[]) => ({ plugins: [{ use: 'gpio', entities }] });

describe('gpio plugin', () => {
  it('flips a motion sensor within one debounce interval, not before', async () => {
    vi.useFakeTimers();
    hub = await createTestHub({ config: gpio([{ id: 'binary_sensor.hall_motion', line: 17, deviceClass: 'motion', debounceMs: 30 }]) });
    expect(hub.state('binary_sensor.hall_motion')).toMatchObject({ state: 'off', attributes: { deviceClass: 'motion' } });
    hub.sim.drive(17, 1);
    await vi.advanceTimersByTimeAsync(29);
    expect(hub.state('binary_sensor.hall_motion').state).toBe('off');
    await vi.advanceTimersByTimeAsync(1);
    expect(hub.state('binary_sensor.hall_motion').state).toBe('on');
  });

  it('ignores a bounce shorter than debounceMs and honours inverted', async () => {
    vi.useFakeTimers();
    const hardware = createSimBoard();
    hardware.sim.drive(4, 1); // pulled up: the door is closed
    hub = await createTestHub({ hardware, config: gpio([{ id: 'binary_sensor.door', line: 4, inverted: true, debounceMs: 50 }]) });
    expect(hub.state('binary_sensor.door').state).toBe('off');
    hub.sim.drive(4, 0);
    await vi.advanceTimersByTimeAsync(10);
    hub.sim.drive(4, 1);
    await vi.advanceTimersByTimeAsync(100);
    expect(hub.state('binary_sensor.door').state).toBe('off');
    hub.sim.drive(4, 0);
    await vi.advanceTimersByTimeAsync(50);
    expect(hub.state('binary_sensor.door').state).toBe('on');
  });

  it('bias: pull-up holds an open door contact to ground high, so the door reads closed from the start', async () => {
    vi.useFakeTimers();
    hub = await createTestHub({ config: gpio([{ id: 'binary_sensor.door', line: 4, inverted: true, bias: 'pull-up', debounceMs: 0 }]) });
    expect(hub.state('binary_sensor.door').state).toBe('off');
    hub.sim.drive(4, 0); // the contact opens… to ground, in this wiring: on
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.state('binary_sensor.door').state).toBe('on');
    await expect(createTestHub({ config: gpio([{ id: 'binary_sensor.x', line: 5, bias: 'up' }]) })).rejects.toThrow(/bias/);
  });

  it('drives a light with its configured polarity and releases it on stop', async () => {
    hub = await createTestHub({ config: gpio([{ id: 'light.hall', line: 27, activeLow: true }, { id: 'switch.pump', line: 22 }]) });
    expect(hub.sim.level(27)).toBe(1); // active-low relay released
    await hub.command('light.hall', 'turn_on');
    expect(hub.state('light.hall').state).toBe('on');
    expect(hub.sim.level(27)).toBe(0);
    await hub.command('light.hall', 'toggle');
    expect(hub.sim.level(27)).toBe(1);
    await hub.command('switch.pump', 'turn_on');
    expect(hub.sim.level(22)).toBe(1);
    await hub.stop({ keepBoard: true });
    expect(hub.sim.level(22)).toBe(0);
    await hub.hardware.close();
    hub = undefined;
  });

  it('restores the last state only when restore is last', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-gpio-'));
    const config = gpio([{ id: 'switch.kept', line: 5, restore: 'last' }, { id: 'switch.safe', line: 6 }]);
    const first = await createTestHub({ config, dataDir });
    await first.command('switch.kept', 'turn_on');
    await first.command('switch.safe', 'turn_on');
    await first.stop();
    hub = await createTestHub({ config, dataDir });
    expect(hub.state('switch.kept').state).toBe('on');
    expect(hub.sim.level(5)).toBe(1);
    expect(hub.state('switch.safe').state).toBe('off');
    expect(hub.sim.level(6)).toBe(0);
  });

  it('uses MCP23017 pins with the same line syntax', async () => {
    vi.useFakeTimers();
    const hardware = createSimBoard();
    const chip = createMcp23017Emulator();
    hardware.sim.attachI2c(1, 0x20, chip);
    hub = await createTestHub({
      hardware,
      config: gpio([
        { id: 'light.porch', line: { expander: 'mcp23017', address: 0x20, pin: 3 } },
        { id: 'binary_sensor.button', line: { expander: 'mcp23017', pin: 9 }, debounceMs: 0 },
      ]),
    });
    await hub.command('light.porch', 'turn_on');
    expect(chip.level(3)).toBe(1);
    chip.drive(9, 1);
    await vi.advanceTimersByTimeAsync(60);
    expect(hub.state('binary_sensor.button').state).toBe('on');
    await hub.stop({ keepBoard: true });
    expect(chip.level(3)).toBe(0);
    hub = undefined;
  });

  it('refuses an invalid config with the key path', async () => {
    const error = await createTestHub({ config: gpio([{ id: 'light.x', line: 'seventeen' }]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/plugins\[0\]\.entities\[0\]/);
  });
});

import { describe, expect, it } from 'vitest';
import { trackHardware } from '../../../core/plugins/tracked-hardware.js';
import { createMcp23017Emulator, createPca9685Emulator, createSimBoard, HardwareError } from '../../../hardware/index.js';

const noGuard = (_where: string, fn: () => void | Promise<void>) => () => void fn();
const RELAYS = { expander: 'mcp23017', bus: 1, address: 0x21 } as const;

function board() {
  const hw = createSimBoard();
  const mcp = createMcp23017Emulator();
  const pca = createPca9685Emulator();
  hw.sim.attachI2c(1, 0x21, mcp);
  hw.sim.attachI2c(1, 0x41, pca);
  return { hw, mcp, pca };
}

describe('expander lines owned by the HAL', () => {
  it('two plugins on one expander share one latch: neither overwrites the other', async () => {
    const { hw, mcp } = board();
    const a = trackHardware(hw, noGuard).hardware;
    const b = trackHardware(hw, noGuard).hardware;
    const relay3 = a.gpio.open({ ...RELAYS, pin: 3 }, { direction: 'out', activeLow: true });
    const relay9 = b.gpio.open({ ...RELAYS, pin: 9 }, { direction: 'out' });
    await relay3.write(1);
    await relay9.write(1);
    expect([mcp.level(3), mcp.level(9)]).toEqual([0, 1]);
    await relay3.write(0);
    expect([mcp.level(3), mcp.level(9)]).toEqual([1, 1]);
  });

  it('a plugin releasing its lines leaves another plugin\'s pins on the same chip alone', async () => {
    const { hw, mcp } = board();
    const a = trackHardware(hw, noGuard);
    const b = trackHardware(hw, noGuard);
    const up = a.hardware.gpio.open({ ...RELAYS, pin: 0 }, { direction: 'out' });
    const lamp = b.hardware.gpio.open({ ...RELAYS, pin: 1 }, { direction: 'out' });
    await up.write(1);
    await lamp.write(1);
    await a.release();
    expect([mcp.level(0), mcp.level(1)]).toEqual([0, 1]);
  });

  it('closing the hardware writes every latch and every PWM channel to its safe level', async () => {
    const { hw, mcp, pca } = board();
    const activeLow = hw.gpio.open({ ...RELAYS, pin: 4 }, { direction: 'out', activeLow: true });
    const activeHigh = hw.gpio.open({ ...RELAYS, pin: 12 }, { direction: 'out' });
    const header = hw.gpio.open(17, { direction: 'out' });
    const dimmer = hw.pwm.open({ chip: 'pca9685', address: 0x41, channel: 7, frequencyHz: 500 });
    await Promise.all([activeLow.write(1), activeHigh.write(1), header.write(1), dimmer.set(0.6)]);
    expect([mcp.level(4), mcp.level(12), hw.sim.level(17)]).toEqual([0, 1, 1]);
    expect(pca.duty(7)).toBeCloseTo(0.6, 3);

    await hw.close();

    expect([mcp.level(4), mcp.level(12), hw.sim.level(17)]).toEqual([1, 0, 0]);
    expect(pca.duty(7)).toBe(0);
    expect(() => hw.gpio.open({ ...RELAYS, pin: 5 }, { direction: 'out' })).toThrow(/closed/);
    await hw.close(); // the exit path may release after a stop already did
  });

  it('an expander that does not answer fails the line\'s first operation, and is probed again next time', async () => {
    const hw = createSimBoard();
    const line = hw.gpio.open({ expander: 'mcp23017', pin: 2 }, { direction: 'out' });
    await expect(line.read()).rejects.toThrow(/no device acknowledges at 0x20/);
    const mcp = createMcp23017Emulator();
    hw.sim.attachI2c(1, 0x20, mcp);
    const again = hw.gpio.open({ expander: 'mcp23017', pin: 2 }, { direction: 'out' });
    await again.write(1);
    expect(mcp.level(2)).toBe(1);
  });

  it('refuses a malformed line with the config\'s own rules', () => {
    const hw = createSimBoard();
    const bad = () => hw.gpio.open({ expander: 'mcp23017', pin: 16 }, { direction: 'out' });
    expect(bad).toThrow(HardwareError);
    expect(bad).toThrow(/not a valid line.*pin/);
  });
});

describe('PWM channels owned by the HAL', () => {
  it('open dark, refuse a channel opened twice and a second frequency on one chip', async () => {
    const { hw, pca } = board();
    const spec = { chip: 'pca9685', address: 0x41, channel: 2 } as const;
    const channel = hw.pwm.open(spec);
    expect(channel.spec).toEqual({ chip: 'pca9685', bus: 1, address: 0x41, channel: 2, frequencyHz: 1000 });
    await channel.set(1);
    expect(pca.duty(2)).toBe(1);
    expect(() => hw.pwm.open(spec)).toThrow(/already open/);
    expect(() => hw.pwm.open({ ...spec, channel: 3, frequencyHz: 200 })).toThrow(/already runs at 1000 Hz/);
    await channel.close();
    expect(pca.duty(2)).toBe(0);
    await expect(channel.set(0.5)).rejects.toThrow(/closed/);
  });

  it('an isolated plugin\'s channels go dark when the host releases them', async () => {
    const { hw, pca } = board();
    const plugin = trackHardware(hw, noGuard);
    const channel = plugin.hardware.pwm.open({ chip: 'pca9685', address: 0x41, channel: 0 });
    await channel.set(0.3);
    await plugin.release();
    expect(pca.duty(0)).toBe(0);
  });
});

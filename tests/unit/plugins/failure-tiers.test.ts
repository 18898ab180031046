import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnavailableError } from '../../../core/errors.js';
import { definePlugin } from '../../../core/plugin-api.js';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { createPca9685Emulator, createSimBoard, HardwareError } from '../../../hardware/index.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  vi.useRealTimers();
});

const status = (id: string) => hub!.plugins().find((p) => p.id === id)?.status;

describe('I/O errors stay with their entity', () => {
  it('a NACK on one PCA9685 channel: that light answers 503 and is unavailable, the other stays controllable, and it is back once the fault clears', async () => {
    const hardware = createSimBoard();
    const pca = createPca9685Emulator();
    hardware.sim.attachI2c(1, 0x40, pca);
    hub = await createTestHub({
      hardware,
      config: { plugins: [{ use: 'pwm-light', lights: [{ id: 'light.desk', channel: 3 }, { id: 'light.shelf', channel: 4 }] }] },
    });
    pca.failChannel(3, new Error('EREMOTEIO'));
    const refused = hub.command('light.desk', 'turn_on', { brightness: 100 });
    await expect(refused).rejects.toBeInstanceOf(UnavailableError);
    await expect(refused).rejects.toThrow(/'light\.desk' did not answer turn_on: .*EREMOTEIO.*; the next command tries again/);
    expect(hub.state('light.desk').available).toBe(false);
    expect(pca.duty(3)).toBe(0);

    expect(await hub.command('light.shelf', 'turn_on', { brightness: 100 })).toMatchObject({ state: 'on', available: true });
    expect(pca.duty(4)).toBe(1);
    expect(status('pwm-light')).toBe('running');
    await expect(hub.command('light.desk', 'turn_on', { brightness: 100 })).rejects.toThrow(/did not answer/);

    pca.failChannel(3, null);
    expect(await hub.command('light.desk', 'turn_on', { brightness: 100 })).toMatchObject({ state: 'on', available: true });
    expect(pca.duty(3)).toBe(1);
  });

  it('an I/O error in a timer a handler started (a fade) marks that entity, and its next good step brings it back', async () => {
    const hardware = createSimBoard();
    const pca = createPca9685Emulator();
    hardware.sim.attachI2c(1, 0x40, pca);
    hub = await createTestHub({ hardware, config: { plugins: [{ use: 'pwm-light', lights: [{ id: 'light.desk', channel: 3 }, { id: 'light.shelf', channel: 4 }] }] } });
    vi.useFakeTimers();
    await hub.command('light.desk', 'turn_on', { brightness: 100, transitionMs: 2000 });
    pca.failChannel(3, new Error('EREMOTEIO'));
    await vi.advanceTimersByTimeAsync(200);
    expect(hub.state('light.desk').available).toBe(false);
    expect(hub.state('light.shelf').available).toBe(true);
    pca.failChannel(3, null);
    await vi.advanceTimersByTimeAsync(2000);
    expect(hub.state('light.desk').available).toBe(true);
    expect(pca.duty(3)).toBe(1);
    expect(status('pwm-light')).toBe('running');
  });

  it('a programming error in a handler still fails the plugin', async () => {
    hub = await createTestHub({
      config: { plugins: [{ use: 'buggy' }] },
      plugins: {
        buggy: definePlugin({
          manifest: { id: 'buggy', name: 'Buggy', version: '1.0.0', apiVersion: 1, configSchema: { type: 'object' } },
          setup(ctx) {
            const io = ctx.entities.add({ id: 'switch.io', commands: { turn_on: () => Promise.reject(new HardwareError('io', 'bus error')), turn_off: () => {} } });
            io.setState('off');
            ctx.entities.add({ id: 'switch.bug', commands: { turn_on: () => JSON.parse('{'), turn_off: () => {} } }).setState('off');
          },
        }),
      },
    });
    await expect(hub.command('switch.io', 'turn_on')).rejects.toThrow(/'switch\.io' did not answer turn_on: bus error/);
    expect(status('buggy')).toBe('running');
    await expect(hub.command('switch.bug', 'turn_on')).rejects.toThrow(/plugin 'buggy' failed while handling turn_on/);
    expect(status('buggy')).not.toBe('running');
    expect(hub.state('switch.io').available).toBe(false);
  });
});

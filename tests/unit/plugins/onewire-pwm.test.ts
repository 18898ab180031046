import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { createPca9685Emulator, createSimBoard } from '../../../hardware/index.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  vi.useRealTimers();
});

describe('onewire plugin', () => {
  it('discovers DS18B20s with stable ids and honours named ones', async () => {
    const hardware = createSimBoard();
    hardware.sim.attachDs18b20('28-0316a2794aff', { temperatureC: () => 7.25 });
    hardware.sim.attachDs18b20('28-000000000001', { temperatureC: () => 55.5 });
    hub = await createTestHub({
      hardware,
      config: { plugins: [{ use: 'onewire', sensors: [{ device: '28-000000000001', id: 'sensor.boiler', area: 'cellar', offset: 0.5 }] }] },
    });
    expect((await hub.waitFor('sensor.ds18b20_0316a2794aff', (s) => s.state !== null)).state).toBe(7.25);
    expect((await hub.waitFor('sensor.boiler', (s) => s.state !== null)).state).toBe(56);
    expect(hub.state('sensor.boiler')).toMatchObject({ area: 'cellar', attributes: { unit: '°C', device: '28-000000000001' } });
  });

  it('marks a sensor unavailable after repeated bad CRCs', async () => {
    vi.useFakeTimers();
    const hardware = createSimBoard();
    const chip = hardware.sim.attachDs18b20('28-0316a2794aff', { temperatureC: () => 20 });
    hub = await createTestHub({ hardware, config: { plugins: [{ use: 'onewire', intervalS: 5, errorsBeforeUnavailable: 2 }] } });
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.state('sensor.ds18b20_0316a2794aff').state).toBe(20);
    chip.corruptReads(6);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(hub.state('sensor.ds18b20_0316a2794aff').available).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(hub.state('sensor.ds18b20_0316a2794aff').available).toBe(true);
  });
});

describe('onewire plugin, a sensor unplugged and plugged back', () => {
  it('marks that sensor unavailable (not the plugin failed) and brings it back with its next reading', async () => {
    vi.useFakeTimers();
    const hardware = createSimBoard();
    hardware.sim.attachDs18b20('28-000000000002', { temperatureC: () => 19 });
    let chip = hardware.sim.attachDs18b20('28-0316a2794aff', { temperatureC: () => 20 });
    hub = await createTestHub({ hardware, config: { plugins: [{ use: 'onewire', intervalS: 5, errorsBeforeUnavailable: 1 }] } });
    await vi.advanceTimersByTimeAsync(0);
    chip.detach();
    await vi.advanceTimersByTimeAsync(5000);
    expect(hub.state('sensor.ds18b20_0316a2794aff').available).toBe(false);
    expect(hub.state('sensor.ds18b20_000000000002')).toMatchObject({ available: true, state: 19 });
    expect(hub.plugins()[0]).toMatchObject({ status: 'running', restarts: 0 });
    chip = hardware.sim.attachDs18b20('28-0316a2794aff', { temperatureC: () => 21 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(hub.state('sensor.ds18b20_0316a2794aff')).toMatchObject({ available: true, state: 21 });
  });
});

describe('pwm-light plugin', () => {
  const config = { plugins: [{ use: 'pwm-light', lights: [{ id: 'light.living_room', channel: 3 }] }] };

  it('maps brightness through gamma, fades in the background and restores the last level', async () => {
    const hardware = createSimBoard();
    const pca = createPca9685Emulator();
    hardware.sim.attachI2c(1, 0x40, pca);
    hub = await createTestHub({ hardware, config });
    vi.useFakeTimers();
    await hub.command('light.living_room', 'turn_on', { brightness: 50 });
    expect(pca.duty(3)).toBeCloseTo(0.2176, 2);
    expect(hub.state('light.living_room')).toMatchObject({ state: 'on', attributes: { brightness: 50 } });
    await hub.command('light.living_room', 'turn_off', { transitionMs: 1000 });
    expect(hub.state('light.living_room').state).toBe('off');
    await vi.advanceTimersByTimeAsync(520);
    expect(pca.duty(3)).toBeGreaterThan(0.02);
    expect(pca.duty(3)).toBeLessThan(0.2);
    await vi.advanceTimersByTimeAsync(520);
    expect(pca.duty(3)).toBe(0);
    await hub.command('light.living_room', 'turn_on');
    expect(hub.state('light.living_room').attributes.brightness).toBe(50);
    await hub.stop({ keepBoard: true });
    expect(pca.duty(3)).toBe(0);
    hub = undefined;
  });

  it("dims a light on the Pi's own PWM, configured per light, next to PCA9685 ones", async () => {
    const hardware = createSimBoard();
    hardware.sim.attachI2c(1, 0x40, createPca9685Emulator());
    hub = await createTestHub({
      hardware,
      config: { plugins: [{ use: 'pwm-light', gamma: 1, lights: [{ id: 'light.desk', pwm: { chip: 'sysfs', channel: 1, frequencyHz: 2000 } }, { id: 'light.hall', channel: 0 }] }] },
    });
    await hub.command('light.desk', 'turn_on', { brightness: 40 });
    expect(hardware.sim.pwm()).toEqual([{ pwmchip: 0, channel: 1, frequencyHz: 2000, polarity: 'normal', enabled: true, duty: 0.4 }]);
    await hub.stop({ keepBoard: true });
    expect(hardware.sim.pwm()[0]).toMatchObject({ enabled: false, duty: 0 });
    hub = undefined;
    await expect(createTestHub({ config: { plugins: [{ use: 'pwm-light', lights: [{ id: 'light.x', channel: 2, pwm: { chip: 'sysfs', channel: 0 } }] }] } })).rejects.toThrow(
      /either channel .* or pwm/,
    );
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { createAds1115Emulator, createBh1750Emulator, createBme280Emulator, createSht31Emulator, createSimBoard } from '../../../hardware/index.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  vi.useRealTimers();
});

describe('climate-i2c plugin', () => {
  it('reports what the simulated environment holds, calibrated', async () => {
    const hardware = createSimBoard();
    const room = hardware.sim.environment.room('living_room', { temperatureC: 21.5, humidityPct: 48 });
    hardware.sim.environment.setOutdoor({ lux: 300, pressureHpa: 1002 });
    hardware.sim.attachI2c(1, 0x76, createBme280Emulator({ climate: () => room.climate() }));
    hardware.sim.attachI2c(1, 0x44, createSht31Emulator({ climate: () => ({ temperatureC: 19, humidityPct: 60 }) }));
    hardware.sim.attachI2c(1, 0x23, createBh1750Emulator({ lux: () => hardware.sim.environment.outdoor().lux }));
    const ads = createAds1115Emulator();
    hardware.sim.attachI2c(1, 0x48, ads);
    ads.setVolts(1, 1.5);
    hub = await createTestHub({
      hardware,
      config: {
        plugins: [
          {
            use: 'climate-i2c',
            devices: [
              { chip: 'bme280', prefix: 'living_room', area: 'living_room', calibration: { temperature: { offset: -0.5 } } },
              { chip: 'sht31', prefix: 'bath' },
              { chip: 'bh1750', prefix: 'garden' },
              { chip: 'ads1115', prefix: 'battery', channels: [{ channel: 1, key: 'voltage', scale: 8 }] },
            ],
          },
        ],
      },
    });
    const value = async (id: string) => (await hub!.waitFor(id, (s) => s.state !== null)).state as number;
    expect(await value('sensor.living_room_temperature')).toBeCloseTo(21, 1);
    expect(await value('sensor.living_room_humidity')).toBeCloseTo(48, 0);
    expect(await value('sensor.living_room_pressure')).toBeCloseTo(1002, 0);
    expect(await value('sensor.bath_temperature')).toBeCloseTo(19, 1);
    expect(await value('sensor.garden_illuminance')).toBeCloseTo(300, -1);
    expect(await value('sensor.battery_voltage')).toBeCloseTo(12, 1);
    expect(hub.state('sensor.living_room_temperature')).toMatchObject({ area: 'living_room', attributes: { unit: '°C', deviceClass: 'temperature', stateClass: 'measurement' } });
  });

  it('goes unavailable after N failed reads, back on the next good one, and emits nothing below the threshold', async () => {
    vi.useFakeTimers();
    const hardware = createSimBoard();
    let t = 20;
    hardware.sim.attachI2c(1, 0x44, createSht31Emulator({ climate: () => ({ temperatureC: t, humidityPct: 50 }) }));
    hub = await createTestHub({ hardware, config: { plugins: [{ use: 'climate-i2c', devices: [{ chip: 'sht31', prefix: 'hall', intervalS: 10, errorsBeforeUnavailable: 2, calibration: { temperature: { threshold: 0.5 } } }] }] } });
    await vi.advanceTimersByTimeAsync(50); // the first read (SHT31 conversion time)
    expect(hub.state('sensor.hall_temperature').state).toBeCloseTo(20, 1);
    const updates: unknown[] = [];
    hub.kernel.bus.on('state_changed', (e) => e.entityId === 'sensor.hall_temperature' && updates.push(e.newState?.state));
    t = 20.3;
    await vi.advanceTimersByTimeAsync(10_050);
    expect(updates).toEqual([]);
    hardware.sim.setI2cFault(1, 0x44, new Error('EREMOTEIO'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(hub.state('sensor.hall_temperature').available).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(hub.state('sensor.hall_temperature').available).toBe(false);
    hardware.sim.setI2cFault(1, 0x44, null);
    t = 22;
    await vi.advanceTimersByTimeAsync(10_050);
    expect(hub.state('sensor.hall_temperature')).toMatchObject({ available: true });
    expect(hub.state('sensor.hall_temperature').state).toBeCloseTo(22, 1);
  });
});

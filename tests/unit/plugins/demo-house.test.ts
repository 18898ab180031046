import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { createSimBoard } from '../../../hardware/index.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  vi.useRealTimers();
});

const config = {
  plugins: [
    {
      use: 'demo-house',
      motion: [{ line: 17, everyS: [10, 20], holdS: 5 }],
      doors: [{ line: 4, everyS: [30, 60], openS: 10 }],
      rain: { line: 26, everyS: [100, 200], lastsS: [50, 60] },
    },
    {
      use: 'gpio',
      entities: [
        { id: 'binary_sensor.motion', line: 17, deviceClass: 'motion' },
        { id: 'binary_sensor.door', line: 4, deviceClass: 'door' },
        { id: 'binary_sensor.rain', line: 26, deviceClass: 'rain' },
      ],
    },
  ],
};

describe('demo-house plugin', () => {
  it('plays motion, a door and showers on the board, now and then', async () => {
    vi.useFakeTimers();
    hub = await createTestHub({ config });
    const seen = new Map<string, string[]>();
    hub.kernel.bus.on('state_changed', ({ entityId, newState }) => {
      seen.set(entityId, [...(seen.get(entityId) ?? []), String(newState?.state)]);
    });
    await vi.advanceTimersByTimeAsync(400_000);
    for (const id of ['binary_sensor.motion', 'binary_sensor.door', 'binary_sensor.rain']) {
      expect(seen.get(id), id).toEqual(expect.arrayContaining(['on', 'off']));
    }
    expect(seen.get('binary_sensor.motion')!.length).toBeGreaterThanOrEqual(20);
  });

  it('draws water now and then: a pulse a litre on the water meter line, read by pulse-meter as m³ and L/min', async () => {
    vi.useFakeTimers();
    const water = {
      plugins: [
        { use: 'demo-house', waterMeter: { line: 18, litresPerPulse: 1, everyS: [60, 60], lastsS: [125, 125], flowLMin: [6, 6] } },
        { use: 'pulse-meter', commitIntervalS: 30, meters: [{ id: 'sensor.water_meter', kind: 'water', line: 18, bias: 'pull-up', pulsesPerUnit: 1000, debounceMs: 20, idleAfterS: 30 }] },
      ],
    };
    hub = await createTestHub({ config: water });
    // a draw from 60 s to 185 s at 6 L/min: a pulse every 10 s, from 70 s to 180 s
    await vi.advanceTimersByTimeAsync(121_000);
    expect(hub.state('sensor.water_meter_flow').state).toBe(6);
    await vi.advanceTimersByTimeAsync(230_000 - 121_000);
    expect(hub.state('sensor.water_meter_flow').state).toBe(0);
    expect(hub.state('sensor.water_meter').state).toBe(0.012);
  });

  it('refuses to run on real hardware', async () => {
    const board = createSimBoard();
    const withoutSim = { ...board, sim: undefined } as unknown as typeof board; // what a linux board looks like to a plugin
    hub = await createTestHub({ hardware: withoutSim, config: { plugins: [{ use: 'demo-house' }] } });
    expect(hub.plugins()[0]).toMatchObject({ status: 'restarting', lastFailure: { error: expect.stringMatching(/backend: sim/) } });
  });
});

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

  it('refuses to run on real hardware', async () => {
    const board = createSimBoard();
    const withoutSim = { ...board, sim: undefined } as unknown as typeof board; // what a linux board looks like to a plugin
    hub = await createTestHub({ hardware: withoutSim, config: { plugins: [{ use: 'demo-house' }] } });
    expect(hub.plugins()[0]).toMatchObject({ status: 'restarting', lastFailure: { error: expect.stringMatching(/backend: sim/) } });
  });
});

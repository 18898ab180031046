import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { ConfigError } from '../../../core/config/index.js';
import doorbell from '../../../examples/plugins/doorbell/index.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  vi.useRealTimers();
});

describe('doorbell example plugin (docs/plugins.md)', () => {
  it('turns a press into a binary_sensor and one doorbell_pressed event per visitor', async () => {
    vi.useFakeTimers();
    hub = await createTestHub({
      plugins: { doorbell },
      config: { areas: ['hall'], plugins: [{ use: 'doorbell', line: 18, area: 'hall', cooldownS: 5 }] },
    });
    expect(hub.state('binary_sensor.doorbell')).toMatchObject({ state: 'off', area: 'hall' });
    const press = async () => {
      hub!.sim.drive(18, 1);
      await vi.advanceTimersByTimeAsync(60);
      hub!.sim.drive(18, 0);
      await vi.advanceTimersByTimeAsync(60);
    };
    await press();
    await press(); // within the cooldown: the same visitor
    expect(hub.events()).toEqual([{ type: 'doorbell_pressed', data: { entityId: 'binary_sensor.doorbell' } }]);
    await vi.advanceTimersByTimeAsync(5000);
    hub.sim.drive(18, 1);
    await vi.advanceTimersByTimeAsync(60);
    expect(hub.state('binary_sensor.doorbell').state).toBe('on');
    expect(hub.events()).toHaveLength(2);
  });

  it('loads from its folder like a local plugin in hearth.yaml', async () => {
    hub = await createTestHub({ config: { plugins: [{ use: './examples/plugins/doorbell', line: 18 }] } });
    expect(hub.plugins()).toMatchObject([{ id: 'doorbell', status: 'running' }]);
  });

  it('reports a config mistake with its path before touching hardware', async () => {
    const error = await createTestHub({ plugins: { doorbell }, config: { plugins: [{ use: 'doorbell', line: 99 }] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).toMatch(/plugins\[0\]\.line/);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { createContext } from '../../../core/kernel/index.js';
import { bootHub, useTempDatabase } from './harness.js';

/**
 * A hub restart is: stop the engine, close the database, build a new kernel and
 * engine on the same file. Pending `for:` timers and delays must carry over.
 */
const currentTmp = useTempDatabase();

const boot = (options: Parameters<typeof bootHub>[1] = {}) => bootHub(currentTmp(), options);

describe('restart-proof timers', () => {
  it('a `for:` timer that spans a restart fires at its original deadline', async () => {
    const first = await boot();
    first.engine.create({ id: 'r', triggers: [{ type: 'state', entity: 'binary_sensor.motion', to: 'on', for: '10m' }], actions: [{ command: 'turn_on', entity: 'light.hall' }] });
    first.home.set('binary_sensor.motion', 'on');
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    await first.shutdown();
    await vi.advanceTimersByTimeAsync(60_000); // the hub is down for a minute

    const second = await boot({ motion: null });
    second.home.set('binary_sensor.motion', 'on'); // the plugin reports the same reading after start
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
    expect(second.home.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(second.home.calls.map((c) => c.command)).toEqual(['turn_on']);
    await second.shutdown();
  });

  it('a restored `for:` timer is dropped when the state changed while the hub was down', async () => {
    const first = await boot();
    first.engine.create({ id: 'r', triggers: [{ type: 'state', entity: 'binary_sensor.motion', to: 'on', for: '10m' }], actions: [{ command: 'turn_on', entity: 'light.hall' }] });
    first.home.set('binary_sensor.motion', 'on');
    await first.shutdown();
    const second = await boot(); // the harness starts motion at 'off'
    await vi.advanceTimersByTimeAsync(20 * 60_000);
    expect(second.home.calls).toHaveLength(0);
    await second.shutdown();
  });

  it('a delay resumes after a restart; one that fell due while down runs late', async () => {
    const first = await boot();
    first.engine.create({ id: 'd', triggers: [{ type: 'event', event: 'go' }], actions: [{ command: 'turn_on', entity: 'light.hall' }, { delay: '30m' }, { command: 'turn_off', entity: 'light.hall' }] });
    first.home.kernel.bus.emit('event', { type: 'go', data: {}, context: first.home.kernel.states.get('light.hall')!.context, origin: 'test' });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(first.home.calls.map((c) => c.command)).toEqual(['turn_on']);
    await first.shutdown();

    const second = await boot();
    await vi.advanceTimersByTimeAsync(20 * 60_000 - 1);
    expect(second.home.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(second.home.calls.map((c) => c.command)).toEqual(['turn_off']);
    const trace = second.engine.traces('d')[0]!;
    expect(trace).toMatchObject({ outcome: 'completed', resumed: true });
    await second.shutdown();

    // Nothing is left pending once it ran.
    const third = await boot();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(third.home.calls).toHaveLength(0);
    await third.shutdown();
  });

  it('a run started by hand resumes with the role of who started it, not as the hub', async () => {
    const first = await boot();
    first.engine.create({ id: 'm', triggers: [{ type: 'event', event: 'never' }], actions: [{ delay: '30m' }, { command: 'turn_off', entity: 'light.hall' }] });
    void first.engine.run('m', createContext({ userId: 'u-adam', role: 'admin' }));
    await vi.advanceTimersByTimeAsync(60_000);
    await first.shutdown();

    const second = await boot();
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(second.home.calls).toHaveLength(1);
    expect(second.home.calls[0]!.context).toMatchObject({ automationId: 'm', role: 'admin' });
    await second.shutdown();
  });

  it('a delay that fell due while the hub was down runs at start', async () => {
    const first = await boot();
    first.engine.create({ id: 'd', triggers: [{ type: 'event', event: 'go' }], actions: [{ delay: '1m' }, { command: 'turn_on', entity: 'switch.fan' }] });
    first.home.kernel.bus.emit('event', { type: 'go', data: {}, context: first.home.kernel.states.get('light.hall')!.context, origin: 'test' });
    await vi.advanceTimersByTimeAsync(0);
    await first.shutdown();
    vi.setSystemTime(Date.now() + 3_600_000);
    const second = await boot();
    await vi.advanceTimersByTimeAsync(0);
    expect(second.home.calls.map((c) => c.entityId)).toEqual(['switch.fan']);
    await second.shutdown();
  });
});

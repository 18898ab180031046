import { describe, expect, it, vi } from 'vitest';
import type { Trace } from '../../../core/automation/index.js';
import { createContext } from '../../../core/kernel/index.js';
import { useEngine } from './harness.js';

const fx = useEngine();

/** Each `go` event turns the fan on, waits 10 s, turns the light on. */
function create(mode: string, max?: number) {
  fx.engine().create({ id: 'm', mode, ...(max && { max }), triggers: [{ type: 'event', event: 'go' }], actions: [{ command: 'turn_on', entity: 'switch.fan' }, { delay: 10 }, { command: 'turn_on', entity: 'light.hall' }] });
  const traces: Trace[] = [];
  fx.home().kernel.bus.on('automation_trace', ({ trace }) => traces.push(trace));
  return traces;
}
const go = () => fx.home().kernel.bus.emit('event', { type: 'go', data: {}, context: createContext(), origin: 'test' });
const count = (id: string) => fx.home().calls.filter((c) => c.entityId === id).length;

describe('modes', () => {
  it('single drops a trigger while running', async () => {
    const traces = create('single');
    go();
    await vi.advanceTimersByTimeAsync(1_000);
    go();
    await vi.advanceTimersByTimeAsync(20_000);
    expect([count('switch.fan'), count('light.hall')]).toEqual([1, 1]);
    expect(traces.map((t) => t.outcome)).toEqual(['completed']);
  });

  it('restart aborts the running run and starts again', async () => {
    const traces = create('restart');
    go();
    await vi.advanceTimersByTimeAsync(5_000);
    go();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(count('light.hall')).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect([count('switch.fan'), count('light.hall')]).toEqual([2, 1]);
    expect(traces.map((t) => t.outcome)).toEqual(['aborted', 'completed']);
  });

  it('queued runs one after another, up to max waiting', async () => {
    const traces = create('queued', 1);
    go();
    go();
    go(); // beyond max: dropped
    await vi.advanceTimersByTimeAsync(10_000);
    expect([count('switch.fan'), count('light.hall')]).toEqual([2, 1]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect([count('switch.fan'), count('light.hall')]).toEqual([2, 2]);
    expect(traces.map((t) => t.outcome)).toEqual(['completed', 'completed']);
  });

  it('parallel runs side by side up to max', async () => {
    create('parallel', 2);
    go();
    go();
    go();
    await vi.advanceTimersByTimeAsync(0);
    expect(count('switch.fan')).toBe(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(count('light.hall')).toBe(2);
  });
});

describe('enable, disable and run now', () => {
  it('a disabled automation does not fire; run now skips triggers and conditions', async () => {
    create('single');
    fx.engine().update('m', { enabled: false });
    go();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(count('switch.fan')).toBe(0);
    await expect(fx.engine().run('m')).rejects.toThrow(/disabled/);
    fx.engine().update('m', { enabled: true, conditions: [{ type: 'state', entity: 'switch.fan', state: 'on' }] });
    const run = fx.engine().run('m', createContext({ userId: 'alice' }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await run)!.outcome).toBe('completed');
    expect(fx.home().calls[0]!.context).toMatchObject({ userId: 'alice', automationId: 'm' });
  });
});

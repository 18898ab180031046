import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createContext } from '../../../core/kernel/index.js';
import { bootHub, useTempDatabase } from './harness.js';

/** Delays and waits inside choose, repeat and parallel resume where they were after a restart. */
const currentTmp = useTempDatabase();

const MIN = 60_000;
const on = (entity: string) => ({ command: 'turn_on', entity });
const off = (entity: string) => ({ command: 'turn_off', entity });
const still = { type: 'state', entity: 'binary_sensor.motion', state: 'off' };
const warm = [{ type: 'numeric_state', entity: 'sensor.temperature', above: 15 }];
const emit = (hub: Awaited<ReturnType<typeof bootHub>>, type: string) => hub.home.kernel.bus.emit('event', { type, data: {}, context: createContext(), origin: 'test' });
const commands = (hub: Awaited<ReturnType<typeof bootHub>>) => hub.home.calls.map((c) => `${c.command} ${c.entityId}`);
const pendingRows = (hub: Awaited<ReturnType<typeof bootHub>>) => hub.database.sqlite.prepare("select data from automation_pending where kind = 'run'").all() as { data: string }[];

describe('nested delays and waits across a restart', () => {
  it('a delay inside choose re-enters the chosen option without checking its conditions again', async () => {
    const first = await bootHub(currentTmp());
    first.engine.create({
      id: 'c',
      triggers: [{ type: 'event', event: 'go' }],
      actions: [{ choose: [{ conditions: [still], actions: [on('light.hall'), { delay: '30m' }, off('light.hall')] }], default: [on('switch.fan')] }, off('switch.fan')],
    });
    emit(first, 'go');
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(commands(first)).toEqual(['turn_on light.hall']);
    await first.shutdown();

    const second = await bootHub(currentTmp(), { motion: null }); // re-evaluating would now pick the default
    await vi.advanceTimersByTimeAsync(20 * MIN - 1);
    expect(second.home.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(commands(second)).toEqual(['turn_off light.hall', 'turn_off switch.fan']);
    expect(second.engine.traces('c')[0]).toMatchObject({ outcome: 'completed', resumed: true });
    expect(pendingRows(second)).toHaveLength(0);
    await second.shutdown();
  });

  it('a wait inside repeat continues from the recorded iteration, then loops on', async () => {
    const first = await bootHub(currentTmp());
    first.engine.create({
      id: 'r',
      triggers: [{ type: 'event', event: 'go' }],
      actions: [{ repeat: { count: 3, actions: [on('light.hall'), { wait_for_trigger: { type: 'event', event: 'next' }, timeout: '1h' }, off('light.hall')] } }, on('switch.fan')],
    });
    emit(first, 'go');
    await vi.advanceTimersByTimeAsync(0);
    emit(first, 'next');
    await vi.advanceTimersByTimeAsync(0);
    expect(commands(first)).toEqual(['turn_on light.hall', 'turn_off light.hall', 'turn_on light.hall']);
    await first.shutdown();

    const second = await bootHub(currentTmp());
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(second.home.calls).toHaveLength(0);
    emit(second, 'next');
    await vi.advanceTimersByTimeAsync(0);
    emit(second, 'next');
    await vi.advanceTimersByTimeAsync(0);
    expect(commands(second)).toEqual(['turn_off light.hall', 'turn_on light.hall', 'turn_off light.hall', 'turn_on switch.fan']);
    const paths = second.engine.traces('r')[0]!.steps.map((s) => s.path);
    expect(paths).toContain('actions[0].repeat[1].actions[1]');
    expect(paths).toContain('actions[0].repeat[2].actions[1]');
    expect(paths).not.toContain('actions[0].repeat[0].actions[0]');
    await second.shutdown();
  });

  it('delays in two parallel branches both resume; a branch that had finished is not run again', async () => {
    const first = await bootHub(currentTmp());
    first.engine.create({
      id: 'p',
      triggers: [{ type: 'event', event: 'go' }],
      actions: [
        {
          parallel: [
            { repeat: { count: 1, actions: [{ delay: '10m' }, on('light.hall')] } },
            { choose: [{ conditions: warm, actions: [{ delay: '30m' }, on('switch.fan')] }] },
            off('switch.fan'),
          ],
        },
        off('light.hall'),
      ],
    });
    emit(first, 'go');
    await vi.advanceTimersByTimeAsync(5 * MIN);
    expect(commands(first)).toEqual(['turn_off switch.fan']);
    await first.shutdown();

    const second = await bootHub(currentTmp());
    const [row] = pendingRows(second);
    expect((JSON.parse(row!.data) as { points: unknown[] }).points).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(5 * MIN - 1);
    expect(second.home.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(commands(second)).toEqual(['turn_on light.hall']);
    await vi.advanceTimersByTimeAsync(20 * MIN);
    expect(commands(second)).toEqual(['turn_on light.hall', 'turn_on switch.fan', 'turn_off light.hall']);
    await second.shutdown();
  });

  it('a nested delay that fell due while the hub was down runs at start, with a log line', async () => {
    const first = await bootHub(currentTmp());
    first.engine.create({ id: 'late', triggers: [{ type: 'event', event: 'go' }], actions: [{ choose: [{ conditions: warm, actions: [{ delay: '1m' }, on('switch.fan')] }] }] });
    emit(first, 'go');
    await vi.advanceTimersByTimeAsync(0);
    await first.shutdown();
    vi.setSystemTime(Date.now() + 3_600_000);

    const lines: string[] = [];
    const second = await bootHub(currentTmp(), {}, { log: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }) });
    await vi.advanceTimersByTimeAsync(0);
    expect(commands(second)).toEqual(['turn_on switch.fan']);
    expect(lines.some((l) => l.includes('a delay fell due while the hub was down'))).toBe(true);
    await second.shutdown();
  });

  it('a run stored in the old top-level format still resumes', async () => {
    const first = await bootHub(currentTmp());
    first.engine.create({ id: 'old', triggers: [{ type: 'event', event: 'go' }], actions: [on('light.hall'), { delay: '30m' }, off('light.hall')] });
    const deadline = Date.now() + 20 * MIN;
    const legacy = { runId: 'legacy-run', trigger: { id: '0', type: 'event' }, point: { step: 1, kind: 'delay', deadline } };
    first.database.sqlite.prepare("insert into automation_pending (automation_id, kind, key, deadline, data) values ('old', 'run', 'legacy-run', ?, ?)").run(deadline, JSON.stringify(legacy));
    await first.shutdown();

    const second = await bootHub(currentTmp());
    await vi.advanceTimersByTimeAsync(20 * MIN - 1);
    expect(second.home.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(commands(second)).toEqual(['turn_off light.hall']);
    await second.shutdown();
  });

  it('a stored position that no longer fits the automation ends the run with an error, not a crash', async () => {
    const first = await bootHub(currentTmp());
    first.engine.create({ id: 'stale', triggers: [{ type: 'event', event: 'go' }], actions: [{ choose: [{ conditions: warm, actions: [{ delay: '1m' }] }] }, on('switch.fan')] });
    const stale = { version: 2, runId: 'stale-run', trigger: { id: '0', type: 'event' }, points: [{ cursor: [{ step: 0, enter: 4 }, { step: 0 }], kind: 'delay', deadline: Date.now() + MIN }] };
    first.database.sqlite.prepare("insert into automation_pending (automation_id, kind, key, deadline, data) values ('stale', 'run', 'stale-run', null, ?)").run(JSON.stringify(stale));
    await first.shutdown();

    const second = await bootHub(currentTmp());
    await vi.advanceTimersByTimeAsync(2 * MIN);
    expect(second.home.calls).toHaveLength(0);
    expect(second.engine.traces('stale')[0]).toMatchObject({ outcome: 'error', resumed: true, reason: expect.stringContaining('no longer fits') });
    expect(pendingRows(second)).toHaveLength(0);
    await second.shutdown();
  });
});

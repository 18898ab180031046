import { describe, expect, it, vi } from 'vitest';
import { nextTrace, useEngine } from './harness.js';

const fx = useEngine();

const motion = [{ type: 'state', entity: 'binary_sensor.motion', to: 'on' }];
const commands = () => fx.home().calls.map((c) => `${c.entityId}:${c.command}`);

async function runOnMotion(actions: unknown[], extra: Record<string, unknown> = {}) {
  fx.engine().create({ id: 'a', triggers: motion, actions, ...extra });
  const done = nextTrace(fx.home().kernel, 'a');
  fx.home().set('binary_sensor.motion', 'on');
  return done;
}

describe('actions', () => {
  it('command with trigger templates, delay, log; the trace records each step', async () => {
    const done = runOnMotion([
      { command: 'turn_on', entity: 'light.hall', params: { transitionMs: '{{ trigger.index }}' } },
      { delay: '5s' },
      { log: 'motion went {{ trigger.from }} → {{ trigger.to }} on {{ trigger.entity }}' },
      { command: 'turn_off', entity: 'light.hall' },
    ]);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(commands()).toEqual(['light.hall:turn_on']);
    expect(fx.home().calls[0]!.params).toEqual({ transitionMs: 0 });
    await vi.advanceTimersByTimeAsync(1);
    const trace = await done;
    expect(commands()).toEqual(['light.hall:turn_on', 'light.hall:turn_off']);
    expect(trace.outcome).toBe('completed');
    expect(trace.trigger).toMatchObject({ entity: 'binary_sensor.motion', from: 'off', to: 'on' });
    expect(trace.steps.map((s) => [s.path, s.action])).toEqual([
      ['actions[0]', 'command'],
      ['actions[1]', 'delay'],
      ['actions[2]', 'log'],
      ['actions[3]', 'command'],
    ]);
    expect(trace.steps[2]!.result).toEqual({ logged: 'motion went off → on on binary_sensor.motion' });
    expect(Date.parse(trace.steps[1]!.endedAt!) - Date.parse(trace.steps[1]!.startedAt)).toBe(5_000);
    expect(fx.engine().traces('a')).toHaveLength(1);
  });

  it('wait_for_trigger: continues on the trigger, or after the timeout unless told to stop', async () => {
    const done = runOnMotion([{ wait_for_trigger: { type: 'state', entity: 'binary_sensor.motion', to: 'off' }, timeout: '1m' }, { command: 'turn_on', entity: 'light.hall' }]);
    await vi.advanceTimersByTimeAsync(10_000);
    fx.home().set('binary_sensor.motion', 'off');
    expect((await done).steps[0]!.result).toMatchObject({ trigger: { to: 'off' } });
    expect(commands()).toEqual(['light.hall:turn_on']);

    fx.engine().remove('a');
    fx.home().set('binary_sensor.motion', 'off');
    const stopped = runOnMotion([{ wait_for_trigger: { type: 'event', event: 'never' }, timeout: 60, continue_on_timeout: false }, { command: 'turn_on', entity: 'switch.fan' }]);
    await vi.advanceTimersByTimeAsync(60_000);
    const trace = await stopped;
    expect(trace.outcome).toBe('stopped');
    expect(trace.reason).toMatch(/timed out/);
    expect(commands()).toEqual(['light.hall:turn_on']);
  });

  it('condition, choose with default, stop', async () => {
    fx.home().set('sensor.lux', 10);
    const trace = await runOnMotion([
      { choose: [{ conditions: [{ type: 'numeric_state', entity: 'sensor.lux', above: 50 }], actions: [{ command: 'turn_on', entity: 'switch.fan' }] }], default: [{ command: 'turn_on', entity: 'light.hall' }] },
      { condition: { type: 'state', entity: 'light.hall', state: 'on' } },
      { stop: 'enough', error: true },
      { command: 'turn_off', entity: 'light.hall' },
    ]);
    expect(commands()).toEqual(['light.hall:turn_on']);
    expect(trace.outcome).toBe('error');
    expect(trace.reason).toBe('enough');
    expect(trace.steps.map((s) => s.path)).toEqual(['actions[0]', 'actions[0].default[0]', 'actions[1]', 'actions[2]']);
    expect(trace.steps[0]!.result).toEqual({ chosen: 'default' });
  });

  it('a failing condition step stops the run quietly', async () => {
    const trace = await runOnMotion([{ condition: { type: 'state', entity: 'switch.fan', state: 'on' } }, { command: 'turn_on', entity: 'light.hall' }]);
    expect(trace.outcome).toBe('stopped');
    expect(commands()).toEqual([]);
  });

  it('repeat: count, while and until', async () => {
    const trace = await runOnMotion([
      { repeat: { count: 3, actions: [{ command: 'toggle', entity: 'switch.fan' }] } },
      { repeat: { while: [{ type: 'state', entity: 'light.hall', state: 'off' }], actions: [{ command: 'turn_on', entity: 'light.hall' }] } },
      { repeat: { until: [{ type: 'state', entity: 'light.hall', state: 'off' }], actions: [{ command: 'turn_off', entity: 'light.hall' }] } },
    ]);
    expect(commands()).toEqual(['switch.fan:turn_on', 'switch.fan:turn_off', 'switch.fan:turn_on', 'light.hall:turn_on', 'light.hall:turn_off']);
    expect(trace.steps.filter((s) => s.path.split('.').length === 1).map((s) => s.result)).toEqual([{ iterations: 3 }, { iterations: 1 }, { iterations: 1 }]);
  });

  it('parallel: branches run together', async () => {
    const done = runOnMotion([{ parallel: [{ delay: 10 }, { command: 'turn_on', entity: 'switch.fan' }] }, { command: 'turn_on', entity: 'light.hall' }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(commands()).toEqual(['switch.fan:turn_on']);
    await vi.advanceTimersByTimeAsync(10_000);
    await done;
    expect(commands()).toEqual(['switch.fan:turn_on', 'light.hall:turn_on']);
  });

  it('a failing command ends the run with the error in its step', async () => {
    // A templated entity is known only when the run fills it in: the dispatcher refuses it then.
    const trace = await runOnMotion([{ command: 'set_position', entity: '{{ trigger.entity }}' }, { command: 'turn_on', entity: 'switch.fan' }]);
    expect(trace.outcome).toBe('error');
    expect(trace.steps[0]!.error).toMatch(/binary_sensor entities take no commands/);
    expect(commands()).toEqual([]);
  });

  it('works on the newer domains: an attribute trigger, a lock condition, commands with their params', async () => {
    const { kernel } = fx.home();
    const done: string[] = [];
    const add = (id: string, state: string | number, attributes: Record<string, unknown>, commands: Record<string, (p: Record<string, unknown>) => void> = {}) => {
      kernel.states.init(kernel.registry.add({ id, owner: 'test' }), attributes);
      kernel.states.update(id, { state: state as never });
      kernel.dispatcher.register(id, Object.fromEntries(Object.entries(commands).map(([name, fn]) => [name, (p: Record<string, unknown>) => (done.push(`${id}:${name}:${JSON.stringify(p)}`), fn(p))])));
    };
    add('climate.hall', 'heat', { currentTemperature: 19, targetTemperature: 20 });
    add('lock.front_door', 'unlocked', {}, { lock: () => kernel.states.update('lock.front_door', { state: 'locked' }) });
    add('number.boiler', 50, { min: 0, max: 70 }, { set_value: (p) => kernel.states.update('number.boiler', { state: p.value as number }) });
    add('select.heating_mode', 'eco', { options: ['eco', 'comfort'] }, { select_option: () => undefined });
    fx.engine().create({
      id: 'cold',
      triggers: [{ type: 'numeric_state', entity: 'climate.hall', attribute: 'currentTemperature', below: 18 }],
      conditions: [
        { type: 'state', entity: 'lock.front_door', state: 'unlocked' },
        { type: 'numeric_state', entity: 'number.boiler', below: 60 },
        { type: 'state', entity: 'select.heating_mode', state: ['eco', 'off'] },
      ],
      actions: [
        { command: 'lock', entity: 'lock.front_door' },
        { command: 'set_value', entity: 'number.boiler', params: { value: '{{ trigger.to }}' } },
        { command: 'select_option', entity: 'select.heating_mode', params: { option: 'comfort' } },
      ],
    });
    const trace = nextTrace(kernel, 'cold');
    kernel.states.update('climate.hall', { attributes: { currentTemperature: 17.5 } });
    const first = await trace;
    expect(first.outcome, JSON.stringify(first.steps.map((s) => s.error).filter(Boolean))).toBe('completed');
    expect(done).toEqual(['lock.front_door:lock:{}', 'number.boiler:set_value:{"value":17.5}', 'select.heating_mode:select_option:{"option":"comfort"}']);
    expect(kernel.states.get('lock.front_door')?.state).toBe('locked');

    // Now the door is locked: the condition holds the next run back.
    const again = nextTrace(kernel, 'cold');
    kernel.states.update('climate.hall', { attributes: { currentTemperature: 18.5 } });
    kernel.states.update('climate.hall', { attributes: { currentTemperature: 17 } });
    expect((await again).outcome).toBe('conditions_failed');
  });

  it('conditions gate the run and the trace says so', async () => {
    const trace = await runOnMotion([{ command: 'turn_on', entity: 'light.hall' }], { conditions: [{ type: 'numeric_state', entity: 'sensor.lux', below: 40 }] });
    expect(trace.outcome).toBe('conditions_failed');
    expect(commands()).toEqual([]);
  });

  it('keeps only the last 10 traces', async () => {
    fx.engine().create({ id: 'b', triggers: [{ type: 'event', event: 'tick' }], actions: [{ log: 'tick' }] });
    for (let i = 0; i < 12; i++) {
      const done = nextTrace(fx.home().kernel, 'b');
      fx.home().kernel.bus.emit('event', { type: 'tick', data: { i }, context: fx.home().kernel.states.get('light.hall')!.context, origin: 'test' });
      await done;
      await vi.advanceTimersByTimeAsync(1_000);
    }
    const traces = fx.engine().traces('b');
    expect(traces).toHaveLength(10);
    expect(traces[0]!.trigger.data).toEqual({ i: 11 });
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AutomationEngine } from '../../../core/automation/index.js';
import type { DatabaseHandle } from '../../../core/db/index.js';
import { createContext } from '../../../core/kernel/index.js';
import { startEngine, tempDatabase, testHome } from './harness.js';

const turnOnFan = [{ command: 'turn_on', entity: 'switch.fan' }];
let home: ReturnType<typeof testHome>;
let tmp: ReturnType<typeof tempDatabase>;
let database: DatabaseHandle;
let engine: AutomationEngine | undefined;

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2024-06-03T10:00:00Z') }); // a Monday
  home = testHome();
  tmp = tempDatabase();
  database = tmp.open();
});
afterEach(async () => {
  await engine?.stop();
  engine = undefined;
  database.close();
  tmp.cleanup();
  vi.useRealTimers();
});

async function withAutomation(triggers: unknown[], extra: Record<string, unknown> = {}) {
  engine = await startEngine(home.kernel, database, { location: { latitude: 48.85, longitude: 2.35, timezone: 'UTC' } });
  engine.create({ id: 't', triggers, actions: turnOnFan, ...extra });
}
const fanCalls = () => home.calls.filter((c) => c.entityId === 'switch.fan').length;

describe('triggers', () => {
  it('state: fires on the matching transition only, with trigger values and a child context', async () => {
    await withAutomation([{ type: 'state', entity: 'binary_sensor.motion', from: 'off', to: 'on' }]);
    const cause = createContext({ userId: 'alice' });
    home.kernel.states.update('binary_sensor.motion', { state: 'on' }, cause);
    await vi.advanceTimersByTimeAsync(0);
    expect(fanCalls()).toBe(1);
    const { context } = home.calls[0]!;
    expect(context.automationId).toBe('t');
    expect(context.parentId).toBe(cause.id);
    home.set('binary_sensor.motion', 'off');
    home.set('binary_sensor.motion', 'on', { deviceClass: 'motion' });
    await vi.advanceTimersByTimeAsync(0);
    expect(fanCalls()).toBe(2);
    home.set('binary_sensor.motion', 'on', { deviceClass: 'door' }); // attribute-only change
    await vi.advanceTimersByTimeAsync(0);
    expect(fanCalls()).toBe(2);
  });

  it('state with for: fires after the state held, cancels when it does not', async () => {
    await withAutomation([{ type: 'state', entity: 'binary_sensor.motion', to: 'on', for: '2m' }]);
    home.set('binary_sensor.motion', 'on');
    await vi.advanceTimersByTimeAsync(60_000);
    home.set('binary_sensor.motion', 'off');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fanCalls()).toBe(0);
    home.set('binary_sensor.motion', 'on');
    await vi.advanceTimersByTimeAsync(119_000);
    expect(fanCalls()).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fanCalls()).toBe(1);
  });

  it('numeric_state: fires when crossing into the range, not while staying in it', async () => {
    await withAutomation([{ type: 'numeric_state', entity: 'sensor.temperature', above: 25, below: 40 }]);
    for (const v of [24, 26, 30, 41, 35, 20]) {
      home.set('sensor.temperature', v);
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(fanCalls()).toBe(2); // 24→26 and 41→35
  });

  it('numeric_state with for: needs the value to stay in range', async () => {
    await withAutomation([{ type: 'numeric_state', entity: 'sensor.temperature', above: 25, for: 30 }]);
    home.set('sensor.temperature', 26);
    await vi.advanceTimersByTimeAsync(10_000);
    home.set('sensor.temperature', 27); // still in range: timer keeps running
    await vi.advanceTimersByTimeAsync(20_000);
    expect(fanCalls()).toBe(1);
    home.set('sensor.temperature', 20);
    home.set('sensor.temperature', 26);
    await vi.advanceTimersByTimeAsync(10_000);
    home.set('sensor.temperature', 24);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fanCalls()).toBe(1);
  });

  it('numeric_state on an attribute', async () => {
    await withAutomation([{ type: 'numeric_state', entity: 'sensor.lux', attribute: 'battery', below: 10 }]);
    home.set('sensor.lux', 100, { battery: 50 });
    home.set('sensor.lux', 100, { battery: 5 });
    await vi.advanceTimersByTimeAsync(0);
    expect(fanCalls()).toBe(1);
  });

  it('time: at HH:MM on the given weekdays only', async () => {
    await withAutomation([{ type: 'time', at: '10:30', weekdays: ['mon', 'wed'] }]);
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(fanCalls()).toBe(1); // Monday 10:30
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(fanCalls()).toBe(1); // Tuesday: no
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(fanCalls()).toBe(2); // Wednesday
  });

  it('cron: every 15 minutes', async () => {
    await withAutomation([{ type: 'cron', expression: '*/15 * * * *' }], { mode: 'parallel' });
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(fanCalls()).toBe(4);
  });

  it('sun: sunset with an offset, from the location', async () => {
    await withAutomation([{ type: 'sun', event: 'sunset', offset: '-30m' }]);
    // Paris, 3 June 2024: sunset ≈ 19:52 UTC, so the trigger is ≈ 19:22 UTC.
    await vi.advanceTimersByTimeAsync(9 * 3_600_000);
    expect(fanCalls()).toBe(0);
    await vi.advanceTimersByTimeAsync(45 * 60_000);
    expect(fanCalls()).toBe(1);
    const trace = engine!.traces('t')[0]!;
    const at = Date.parse(String(trace.trigger.at));
    expect(Math.abs(at - Date.parse('2024-06-03T19:22:00Z'))).toBeLessThan(5 * 60_000);
  });

  it('event: matches type and data subset', async () => {
    await withAutomation([{ type: 'event', event: 'button', data: { press: 'double' } }]);
    const emit = (data: Record<string, unknown>) => home.kernel.bus.emit('event', { type: 'button', data, context: createContext(), origin: 'test' });
    emit({ press: 'single' });
    emit({ press: 'double', button: 2 });
    await vi.advanceTimersByTimeAsync(0);
    expect(fanCalls()).toBe(1);
  });

  it('mqtt: subscribes through the bridge while active, matches topic wildcards and payload', async () => {
    const subscribed: string[] = [];
    const mqtt = { subscribe: (filter: string) => (subscribed.push(filter), () => void subscribed.splice(subscribed.indexOf(filter), 1)) };
    engine = await startEngine(home.kernel, database, { mqtt });
    engine.create({ id: 't', triggers: [{ type: 'mqtt', topic: 'garden/+/rain', payload: 'yes' }], actions: turnOnFan });
    expect(subscribed).toEqual(['garden/+/rain']);
    home.kernel.bus.emit('mqtt_message', { topic: 'garden/north/rain', payload: 'no', retained: false });
    home.kernel.bus.emit('mqtt_message', { topic: 'garden/north/rain', payload: 'yes', retained: false });
    home.kernel.bus.emit('mqtt_message', { topic: 'garden/north/wind', payload: 'yes', retained: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(fanCalls()).toBe(1);
    engine.remove('t');
    expect(subscribed).toEqual([]);
  });
});

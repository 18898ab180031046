import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluate as evaluateCondition } from '../../../core/automation/conditions.js';
import { conditionSchema, type Condition } from '../../../core/automation/definition.js';
import { followCommand } from '../../../core/automation/follow.js';
import { parseAutomation, parseOrThrow, type AutomationEngine } from '../../../core/automation/index.js';
import type { DatabaseHandle } from '../../../core/db/index.js';
import type { Context } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createSchedules, scheduleSchema, type Schedules } from '../../../core/schedules/index.js';
import { startEngine, tempDatabase, testHome, type Call } from '../automation/harness.js';

const bedroom = scheduleSchema.parse({
  id: 'bedroom',
  days: { mon: [{ from: '06:30', to: '08:00', value: 'comfort' }, { from: '08:00', to: '09:00', value: 'eco' }, { from: '18:00', to: '22:30', value: 19 }] },
});
const automations = [
  { id: 'heating', triggers: [{ type: 'schedule', entity: 'schedule.bedroom' }], actions: [{ follow: 'schedule.bedroom', entity: 'climate.bedroom' }] },
  { id: 'fan_after', triggers: [{ type: 'schedule', entity: 'schedule.bedroom', to: 'off' }], actions: [{ command: 'turn_on', entity: 'switch.fan', params: {} }] },
];

let home: ReturnType<typeof testHome>;
let tmp: ReturnType<typeof tempDatabase>;
let database: DatabaseHandle;
let schedules: Schedules;
let engine: AutomationEngine;
let climate: Call[];

beforeEach(async () => {
  // Monday 2026-12-07, 06:00 in Paris
  vi.useFakeTimers({ now: Date.parse('2026-12-07T05:00:00Z') });
  home = testHome();
  climate = [];
  const { kernel } = home;
  kernel.states.init(kernel.registry.add({ id: 'climate.bedroom', owner: 'test' }));
  kernel.states.update('climate.bedroom', { state: 'off' });
  const record = (command: string) => (params: Record<string, unknown>, context: Context) => void climate.push({ entityId: 'climate.bedroom', command, params: { ...params }, context });
  kernel.dispatcher.register('climate.bedroom', { set_preset: record('set_preset'), set_temperature: record('set_temperature'), turn_off: record('turn_off'), turn_on: record('turn_on') });
  tmp = tempDatabase();
  database = tmp.open();
  schedules = createSchedules({ kernel, database, log: silentLogger(), timezone: 'Europe/Paris', fileSchedules: [bedroom] });
  await schedules.start();
  engine = await startEngine(kernel, database, { fileAutomations: automations.map((a) => ({ definition: parseOrThrow(a), input: a })) });
});
afterEach(async () => {
  await engine.stop();
  await schedules.stop();
  database.close();
  tmp.cleanup();
  vi.useRealTimers();
});

const until = (iso: string) => vi.advanceTimersByTimeAsync(Date.parse(iso) - Date.now());

describe('schedules in automations', () => {
  it('the schedule trigger fires at block start, at a change of value and at block end; follow sets the device', async () => {
    // Started outside a block: the automation that follows the schedule puts the device off at once
    expect(climate.map((c) => c.command)).toEqual(['turn_off']);
    expect(engine.traces('heating')[0]).toMatchObject({ trigger: { type: 'schedule', entity: 'schedule.bedroom', to: 'off', catchUp: true }, outcome: 'completed' });
    // fan_after has no follow: it waits for the schedule's next end
    expect(home.calls).toEqual([]);
    await until('2026-12-07T05:29:59Z');
    expect(climate).toHaveLength(1);
    await until('2026-12-07T05:30:00Z');
    expect(climate.map((c) => [c.command, c.params]).slice(1)).toEqual([['set_preset', { preset: 'comfort' }]]);
    // 08:00: the eco block follows straight on, a new block start
    await until('2026-12-07T07:00:00Z');
    expect(climate.map((c) => [c.command, c.params]).slice(2)).toEqual([['set_preset', { preset: 'eco' }]]);
    expect(home.calls).toEqual([]);
    await until('2026-12-07T08:00:00Z');
    expect(climate.map((c) => c.command).slice(3)).toEqual(['turn_off']);
    expect(home.calls.map((c) => [c.entityId, c.command])).toEqual([['switch.fan', 'turn_on']]);
    await until('2026-12-07T17:00:00Z');
    expect(climate.map((c) => [c.command, c.params]).slice(4)).toEqual([['set_temperature', { temperature: 19 }]]);
    // The run's context says the schedule's change caused it
    expect(climate[4]!.context.parentId).toBe(home.kernel.states.get('schedule.bedroom')!.context.id);
    const [trace] = engine.traces('heating');
    expect(trace).toMatchObject({ trigger: { type: 'schedule', entity: 'schedule.bedroom', from: 'off', to: 'on', value: 19 } });
  });

  it('an automation that follows a schedule applies the block under way when it starts: after a restart, when saved', async () => {
    await engine.stop();
    await schedules.stop();
    // Back at 08:30 Paris, inside the eco block
    vi.setSystemTime(Date.parse('2026-12-07T07:30:00Z'));
    climate.length = 0;
    await schedules.start();
    engine = await startEngine(home.kernel, database, { fileAutomations: automations.map((a) => ({ definition: parseOrThrow(a), input: a })) });
    await vi.advanceTimersByTimeAsync(0);
    expect(climate.map((c) => [c.command, c.params])).toEqual([['set_preset', { preset: 'eco' }]]);
    expect(home.calls).toEqual([]);
    // An automation saved over the API starts at once too; one triggered only by block starts waits for the next start
    engine.create({ id: 'evening', triggers: [{ type: 'schedule', entity: 'schedule.bedroom', to: 'off' }], actions: [{ follow: 'schedule.bedroom', entity: 'climate.bedroom' }] });
    engine.create({ id: 'starts', triggers: [{ type: 'schedule', entity: 'schedule.bedroom', to: 'on' }], actions: [{ follow: 'schedule.bedroom', entity: 'climate.bedroom' }] });
    await vi.advanceTimersByTimeAsync(0);
    expect(climate.map((c) => c.command)).toEqual(['set_preset', 'set_preset']);
    expect(engine.traces('evening')).toEqual([]);
  });

  it('the schedule condition looks at the state and the value', async () => {
    const check = (input: unknown) => evaluateCondition(conditionSchema.parse(input) as Condition, { getState: (id) => home.kernel.states.get(id), now: Date.now() });
    expect(check({ type: 'schedule', entity: 'schedule.bedroom' })).toBe(false);
    expect(check({ type: 'schedule', entity: 'schedule.bedroom', state: 'off' })).toBe(true);
    await until('2026-12-07T05:30:00Z');
    expect(check({ type: 'schedule', entity: 'schedule.bedroom' })).toBe(true);
    expect(check({ type: 'schedule', entity: 'schedule.bedroom', value: 'comfort' })).toBe(true);
    expect(check({ type: 'schedule', entity: 'schedule.bedroom', value: 'eco' })).toBe(false);
    expect(check({ type: 'schedule', entity: 'schedule.missing' })).toBe(false);
  });

  it('refuses a follow on a device that cannot follow, a trigger on a non-schedule entity and a value with state off', () => {
    const issues = (input: unknown) => {
      const r = parseAutomation(input);
      return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ id: 'a', triggers: [{ type: 'schedule', entity: 'switch.fan' }], actions: [{ follow: 'schedule.bedroom', entity: 'lock.door' }] })).toEqual([
      'triggers.0.entity: expected a schedule entity like schedule.bedroom',
      'actions.0.entity: expected a switch, light, cover, climate entity like climate.bedroom',
    ]);
    expect(issues({ id: 'a', triggers: [{ type: 'event', event: 'x' }], conditions: [{ type: 'schedule', entity: 'schedule.b', state: 'off', value: 'eco' }], actions: [{ log: 'x' }] })).toEqual([
      'conditions.0.value: a value is only held inside a block: leave it out or use state: on',
    ]);
  });

  it('follow maps a block onto each domain', () => {
    expect(followCommand('switch', true, 'x')).toEqual({ command: 'turn_on', params: {} });
    expect(followCommand('light', true, 40)).toEqual({ command: 'turn_on', params: { brightness: 40 } });
    expect(followCommand('light', false, undefined)).toEqual({ command: 'turn_off', params: {} });
    expect(followCommand('cover', true, 30)).toEqual({ command: 'set_position', params: { position: 30 } });
    expect(followCommand('cover', true, undefined)).toEqual({ command: 'open', params: {} });
    expect(followCommand('cover', false, 30)).toEqual({ command: 'close', params: {} });
    expect(followCommand('climate', true, undefined)).toEqual({ command: 'turn_on', params: {} });
  });
});

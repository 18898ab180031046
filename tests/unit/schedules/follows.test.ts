import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../../core/db/index.js';
import { createContext, type Context, type Role } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createFollows, createSchedules, scheduleSchema, type Follows, type Schedules } from '../../../core/schedules/index.js';
import { tempDatabase, testHome } from '../automation/harness.js';

const office = scheduleSchema.parse({
  id: 'office',
  days: { mon: [{ from: '06:30', to: '08:00', value: 60 }, { from: '08:00', to: '09:00' }, { from: '18:00', to: '22:30', value: 30 }] },
});

/** One life of the hub on the test's database file: kernel, schedules and follows started, as in core/hub.ts. */
async function boot(tmp: ReturnType<typeof tempDatabase>) {
  const home = testHome();
  const { kernel } = home;
  kernel.states.init(kernel.registry.add({ id: 'switch.boiler', owner: 'test', allowedRoles: ['admin'] }));
  kernel.dispatcher.register('switch.boiler', { turn_on: () => {}, turn_off: () => {} });
  const database: DatabaseHandle = tmp.open();
  const log = silentLogger();
  const schedules: Schedules = createSchedules({ kernel, database, log, timezone: 'Europe/Paris', fileSchedules: [office] });
  await schedules.start();
  const follows: Follows = createFollows({ kernel, database, log });
  await follows.start();
  await vi.advanceTimersByTimeAsync(0);
  return {
    ...home,
    follows,
    shutdown: async () => {
      await follows.stop();
      await schedules.stop();
      database.close();
    },
  };
}

let tmp: ReturnType<typeof tempDatabase>;
let hub: Awaited<ReturnType<typeof boot>>;
const alice = { context: createContext({ userId: 'alice', role: 'member' }), role: 'member' as const };

beforeEach(async () => {
  // Monday 2026-12-07, 07:00 in Paris: inside the 06:30–08:00 block (value 60)
  vi.useFakeTimers({ now: Date.parse('2026-12-07T06:00:00Z') });
  tmp = tempDatabase();
  hub = await boot(tmp);
});
afterEach(async () => {
  await hub.shutdown();
  tmp.cleanup();
  vi.useRealTimers();
});

const until = (iso: string) => vi.advanceTimersByTimeAsync(Date.parse(iso) - Date.now());
const commands = () => hub.calls.map((c) => [c.entityId, c.command, c.params]);

describe('following a schedule from the dashboard', () => {
  it('applies the block under way at once, then follows every change of the schedule', async () => {
    expect(await hub.follows.set('light.hall', 'schedule.office', alice)).toEqual({ entityId: 'light.hall', schedule: 'schedule.office' });
    expect(commands()).toEqual([['light.hall', 'turn_on', { brightness: 60 }]]);
    // The first command is the user's: the logbook says who made the light follow
    expect(hub.calls[0]!.context.userId).toBe('alice');
    expect(hub.follows.get('light.hall')).toEqual({ entityId: 'light.hall', schedule: 'schedule.office' });

    await until('2026-12-07T07:00:00Z');
    expect(commands().slice(1)).toEqual([['light.hall', 'turn_on', {}]]);
    await until('2026-12-07T08:00:00Z');
    expect(commands().slice(2)).toEqual([['light.hall', 'turn_off', {}]]);
    await until('2026-12-07T16:59:59Z');
    expect(hub.calls).toHaveLength(3);
    await until('2026-12-07T17:00:00Z');
    expect(commands().slice(3)).toEqual([['light.hall', 'turn_on', { brightness: 30 }]]);
    // Later changes act for the hub, caused by the schedule's change
    const schedule = hub.kernel.states.get('schedule.office')!;
    expect(hub.calls[3]!.context).toMatchObject({ parentId: schedule.context.id });
    expect(hub.calls[3]!.context.role).toBeUndefined();
  });

  it('outside a block the device is turned off at once', async () => {
    await until('2026-12-07T08:30:00Z');
    await hub.follows.set('switch.fan', 'schedule.office', alice);
    expect(commands()).toEqual([['switch.fan', 'turn_off', {}]]);
  });

  it('survives a restart: the device is put where the schedule is now, mid-block', async () => {
    await hub.follows.set('light.hall', 'schedule.office', alice);
    await hub.shutdown();
    // Down from 07:00 to 18:30 Paris: the evening block (value 30) is under way when it comes back
    vi.setSystemTime(Date.parse('2026-12-07T17:30:00Z'));
    hub = await boot(tmp);
    expect(commands()).toEqual([['light.hall', 'turn_on', { brightness: 30 }]]);
    expect(hub.follows.get('light.hall').schedule).toBe('schedule.office');
    await until('2026-12-07T21:30:00Z');
    expect(commands().slice(1)).toEqual([['light.hall', 'turn_off', {}]]);
  });

  it('null stops following: the device is left as it is and ignores the next change', async () => {
    await hub.follows.set('light.hall', 'schedule.office', alice);
    expect(await hub.follows.set('light.hall', null, alice)).toEqual({ entityId: 'light.hall', schedule: null });
    await until('2026-12-07T08:00:00Z');
    expect(hub.calls).toHaveLength(1);
    await hub.shutdown();
    hub = await boot(tmp);
    expect(hub.calls).toEqual([]);
    expect(hub.follows.get('light.hall').schedule).toBeNull();
  });

  it('refuses an unknown device, one that cannot follow, an unknown schedule and a role the device does not allow', async () => {
    const refused = (entity: string, schedule: string | null, by: { context: Context; role: Role } = alice) => hub.follows.set(entity, schedule, by).then(() => undefined, (err: { status: number; message: string }) => [err.status, err.message]);
    expect(await refused('light.nope', 'schedule.office')).toEqual([404, "unknown entity 'light.nope'"]);
    expect(await refused('sensor.lux', 'schedule.office')).toEqual([400, 'sensor.lux cannot follow a schedule: only switch, light, cover, climate devices can']);
    expect(await refused('light.hall', 'schedule.nope')).toEqual([400, "unknown schedule 'schedule.nope'"]);
    expect(await refused('light.hall', 'light.hall')).toEqual([400, "unknown schedule 'light.hall'"]);
    expect(await refused('switch.boiler', 'schedule.office')).toEqual([403, "'switch.boiler' may only be commanded by admin (or a higher role)"]);
    expect(await refused('switch.boiler', null)).toEqual([403, "'switch.boiler' may only be commanded by admin (or a higher role)"]);
    const admin = { context: createContext({ userId: 'bob', role: 'admin' }), role: 'admin' as const };
    expect(await refused('switch.boiler', 'schedule.office', admin)).toBeUndefined();
    expect(hub.calls).toEqual([]);
    expect(hub.follows.get('light.hall').schedule).toBeNull();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { createSimBoard } from '../../../hardware/index.js';

const DOOR_LINE = 17;
const MOTION_LINE = 27;
const SIREN_LINE = 22;

const config = {
  plugins: [
    {
      use: 'gpio',
      entities: [
        { id: 'binary_sensor.front_door', line: DOOR_LINE, deviceClass: 'door' },
        { id: 'binary_sensor.hall_motion', line: MOTION_LINE, deviceClass: 'motion' },
        { id: 'switch.siren', line: SIREN_LINE },
      ],
    },
    {
      use: 'alarm',
      entity: 'alarm_control_panel.house',
      exitDelayS: { away: 60, home: 0, night: 0 },
      entryDelayS: 30,
      triggerS: 180,
      sirens: ['switch.siren'],
      notify: ['phone'],
      zones: [
        { entity: 'binary_sensor.front_door', modes: ['away', 'home', 'night'] },
        { entity: 'binary_sensor.hall_motion', modes: ['away'], instant: true, bypassable: true },
      ],
    },
  ],
};

const alarmCodes = [
  { username: 'alice', code: '1234' },
  { username: 'alice', code: '9999', duress: true },
];

let hub: TestHub | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const panel = 'alarm_control_panel.house';

describe('alarm plugin on the sim board', () => {
  it('refuses arming with the door open, naming it; an entry delay then drives the siren line for triggerS', async () => {
    vi.useFakeTimers();
    hub = await createTestHub({ config, alarmCodes });
    hub.sim.drive(DOOR_LINE, 1);
    await vi.advanceTimersByTimeAsync(100);
    await expect(hub.command(panel, 'arm_home')).rejects.toThrow(/binary_sensor\.front_door/);
    hub.sim.drive(DOOR_LINE, 0);
    await vi.advanceTimersByTimeAsync(100);
    expect((await hub.command(panel, 'arm_home')).state).toBe('armed_home');

    hub.sim.drive(DOOR_LINE, 1);
    await vi.advanceTimersByTimeAsync(100);
    expect(hub.state(panel).state).toBe('pending');
    await vi.advanceTimersByTimeAsync(29_800);
    expect(hub.sim.level(SIREN_LINE)).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(hub.state(panel).state).toBe('triggered');
    expect(hub.sim.level(SIREN_LINE)).toBe(1);
    expect(hub.alerts()[0]).toMatchObject({ severity: 'critical', entityId: panel, notify: ['phone'] });
    await vi.advanceTimersByTimeAsync(179_900);
    expect(hub.sim.level(SIREN_LINE)).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(hub.sim.level(SIREN_LINE)).toBe(0);
    expect(hub.state(panel).state).toBe('armed_home');
  });

  it('the entry delay ends even when the wall clock falls a millisecond behind the timers (ctx.timers never fires early)', async () => {
    vi.useFakeTimers();
    hub = await createTestHub({ config, alarmCodes });
    await hub.command(panel, 'arm_home');
    hub.sim.drive(DOOR_LINE, 1);
    await vi.advanceTimersByTimeAsync(100);
    expect(hub.state(panel).state).toBe('pending');
    // From here Date.now() reads 1 ms behind the clock the timers run on, as it can on Node.
    const timerClock = Date.now;
    vi.spyOn(Date, 'now').mockImplementation(() => timerClock.call(Date) - 1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(hub.state(panel).state).toBe('triggered');
    expect(hub.sim.level(SIREN_LINE)).toBe(1);
  });

  it('a wrong code never disarms; the duress code disarms and raises a silent alert', async () => {
    hub = await createTestHub({ config, alarmCodes });
    await hub.command(panel, 'arm_home');
    await expect(hub.command(panel, 'disarm', { code: '0000' })).rejects.toThrow(/wrong code/);
    expect(hub.state(panel).state).toBe('armed_home');
    const after = await hub.command(panel, 'disarm', { code: '9999' });
    expect(after.state).toBe('disarmed');
    expect(after.attributes.changedBy).toBe('alice');
    expect(hub.alerts()[0]).toMatchObject({ severity: 'critical', silent: true });
  });

  it('a restart resumes the entry delay with the time left', async () => {
    vi.useFakeTimers();
    dataDir = mkdtempSync(join(tmpdir(), 'hearth-alarm-'));
    const hardware = createSimBoard();
    hub = await createTestHub({ config, alarmCodes, dataDir, hardware });
    await hub.command(panel, 'arm_home');
    hub.sim.drive(DOOR_LINE, 1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(hub.state(panel).state).toBe('pending');
    await hub.stop({ keepBoard: true });

    hub = await createTestHub({ config, alarmCodes, dataDir, hardware });
    expect(hub.state(panel).state).toBe('pending');
    await vi.advanceTimersByTimeAsync(19_900);
    expect(hub.state(panel).state).toBe('pending');
    await vi.advanceTimersByTimeAsync(200);
    expect(hub.state(panel).state).toBe('triggered');
    expect(hub.sim.level(SIREN_LINE)).toBe(1);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { createSimBoard } from '../../../hardware/index.js';
import { dutyForPercentage } from '../../../plugins/fan/speed.js';
import fanPlugin from '../../../plugins/fan/index.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

const pcFan = { chip: 'sysfs', channel: 0, frequencyHz: 25_000 } as const;

describe('fan speed', () => {
  it('0 % is off; 1 % is the lowest duty the motor turns at; 100 % is maxDuty', () => {
    expect(dutyForPercentage(0, 0.2, 1)).toBe(0);
    expect(dutyForPercentage(1, 0.2, 1)).toBeCloseTo(0.208);
    expect(dutyForPercentage(50, 0.3, 0.9)).toBeCloseTo(0.6);
    expect(dutyForPercentage(100, 0.2, 0.8)).toBeCloseTo(0.8);
    expect(dutyForPercentage(150, 0.2, 0.8)).toBeCloseTo(0.8);
  });
});

describe('fan plugin', () => {
  it('a fan entity with percentage speed on the Pi PWM, remembered for turn_on, stopped on stop', async () => {
    const hardware = createSimBoard();
    hub = await createTestHub({ hardware, config: { plugins: [{ use: 'fan', fans: [{ id: 'fan.attic', pwm: pcFan, minDuty: 0.3 }] }] } });
    const duty = () => hardware.sim.pwm()[0]!.duty;
    expect(hub.state('fan.attic')).toMatchObject({ state: 'off', attributes: { percentage: 0 } });
    expect(hardware.sim.pwm()[0]).toMatchObject({ frequencyHz: 25_000, enabled: true, duty: 0 });
    await hub.command('fan.attic', 'set_percentage', { percentage: 50 });
    expect(duty()).toBeCloseTo(0.65);
    expect(hub.state('fan.attic')).toMatchObject({ state: 'on', attributes: { percentage: 50 } });
    await hub.command('fan.attic', 'turn_off');
    expect(duty()).toBe(0);
    await hub.command('fan.attic', 'turn_on');
    expect(hub.state('fan.attic').attributes.percentage).toBe(50);
    await hub.command('fan.attic', 'turn_on', { percentage: 100 });
    expect(duty()).toBe(1);
    await hub.stop({ keepBoard: true });
    expect(hardware.sim.pwm()[0]).toMatchObject({ enabled: false, duty: 0 });
    hub = undefined;
  });

  it('declares its PWM outputs for release-outputs, and refuses minDuty above maxDuty', async () => {
    const pwm = { ...pcFan, pwmchip: 0, polarity: 'normal' } as const;
    expect(fanPlugin.outputs?.({ fans: [{ id: 'fan.attic', pwm, minDuty: 0.2, maxDuty: 1 }] })).toEqual([{ kind: 'pwm', pwm }]);
    await expect(createTestHub({ config: { plugins: [{ use: 'fan', fans: [{ id: 'fan.x', pwm: pcFan, minDuty: 0.9, maxDuty: 0.5 }] }] } })).rejects.toThrow(/minDuty must be below maxDuty/);
  });
});

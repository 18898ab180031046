import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HardwareError } from '../../../hardware/index.js';
import { openHardware, releaseDeclaredOutputs } from '../../../hardware/hub.js';
import { createSysfsPwm } from '../../../hardware/linux/sysfs-pwm.js';
import { fakeOnoff, noI2c } from './linux-fakes.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/sysfs/pi4-6.6', import.meta.url));
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A copy of the Pi 4 tree whose pwmchip0/export makes pwmN/ appear, as the kernel does. */
function piTree(): { root: string; chip: string; file(channel: number, name: string): string } {
  const root = mkdtempSync(join(tmpdir(), 'hearth-pwm-'));
  cpSync(FIXTURE, root, { recursive: true });
  const chip = join(root, 'class', 'pwm', 'pwmchip0');
  const watcher: FSWatcher = watch(join(chip, 'export'), () => {
    const n = readFileSync(join(chip, 'export'), 'utf8').trim();
    if (n === '' || existsSync(join(chip, `pwm${n}`))) return;
    mkdirSync(join(chip, `pwm${n}`));
    for (const [name, value] of [['period', '0'], ['duty_cycle', '0'], ['polarity', 'normal'], ['enable', '0']]) writeFileSync(join(chip, `pwm${n}`, name!), `${value}\n`);
  });
  cleanups.push(() => (watcher.close(), rmSync(root, { recursive: true, force: true })));
  return { root, chip, file: (channel, name) => readFileSync(join(chip, `pwm${channel}`, name), 'utf8').trim() };
}

describe('hardware PWM through /sys/class/pwm', () => {
  it('exports the channel, sets period and polarity, and enables it dark', async () => {
    const tree = piTree();
    const channel = await createSysfsPwm(tree.root).open({ chip: 'sysfs', pwmchip: 0, channel: 1, frequencyHz: 25_000, polarity: 'inversed' });
    expect(readFileSync(join(tree.chip, 'export'), 'utf8')).toBe('1\n');
    expect(['period', 'duty_cycle', 'polarity', 'enable'].map((f) => tree.file(1, f))).toEqual(['40000', '0', 'inversed', '1']);
    await channel.set(0.5);
    expect(tree.file(1, 'duty_cycle')).toBe('20000');
    await channel.set(7);
    expect(tree.file(1, 'duty_cycle')).toBe('40000'); // clamped to the period
    await channel.close();
    expect([tree.file(1, 'duty_cycle'), tree.file(1, 'enable')]).toEqual(['0', '0']);
    expect(readFileSync(join(tree.chip, 'unexport'), 'utf8')).toBe('1\n');
  });

  it('darkens a channel a crashed hub left running, without exporting it again', async () => {
    const tree = piTree();
    const pwm0 = join(tree.chip, 'pwm0');
    mkdirSync(pwm0);
    for (const [name, value] of [['period', '1000000'], ['duty_cycle', '900000'], ['polarity', 'normal'], ['enable', '1']]) writeFileSync(join(pwm0, name!), `${value}\n`);
    await createSysfsPwm(tree.root).open({ chip: 'sysfs', pwmchip: 0, channel: 0, frequencyHz: 1000, polarity: 'normal' });
    expect(readFileSync(join(tree.chip, 'export'), 'utf8')).toBe('');
    expect([tree.file(0, 'period'), tree.file(0, 'duty_cycle'), tree.file(0, 'enable')]).toEqual(['1000000', '0', '1']);
  });

  it('names the overlay to enable when pwmchip is missing, and refuses channels the chip lacks', async () => {
    const tree = piTree();
    const pwm = createSysfsPwm(tree.root);
    const missing = await pwm.open({ chip: 'sysfs', pwmchip: 2, channel: 0, frequencyHz: 1000, polarity: 'normal' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(HardwareError);
    expect((missing as HardwareError).code).toBe('not_found');
    expect((missing as Error).message).toMatch(/dtoverlay=pwm-2chan/);
    await expect(pwm.open({ chip: 'sysfs', pwmchip: 0, channel: 2, frequencyHz: 1000, polarity: 'normal' })).rejects.toThrow(/pwmchip0 has 2 channels/);
  });

  it('is a hub-owned output: opened through hw.pwm, darkened and disabled by release-outputs', async () => {
    const tree = piTree();
    const hw = await openHardware({ backend: 'linux', sysfsRoot: tree.root, modules: { onoff: fakeOnoff(), i2cBus: noI2c } });
    const fan = hw.pwm.open({ chip: 'sysfs', channel: 0, frequencyHz: 25_000 });
    await fan.set(1);
    expect(() => hw.pwm.open({ chip: 'sysfs', channel: 0 })).toThrow(/PWM pwmchip0 channel 0 is already open/);
    await hw.close();
    expect([tree.file(0, 'duty_cycle'), tree.file(0, 'enable')]).toEqual(['0', '0']);

    const after = await openHardware({ backend: 'linux', sysfsRoot: tree.root, modules: { onoff: fakeOnoff(), i2cBus: noI2c } });
    const report = await releaseDeclaredOutputs(after, [{ kind: 'pwm', pwm: { chip: 'sysfs', channel: 1 } }]);
    expect(report).toEqual({ released: ['PWM pwmchip0 channel 1'], failed: [] });
    expect([tree.file(1, 'duty_cycle'), tree.file(1, 'enable')]).toEqual(['0', '0']);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readDs18b20, HardwareError } from '../../../hardware/index.js';
import { openHardware } from '../../../hardware/hub.js';
import { detectHeaderChip, type I2cBusModule, type RawI2cBus } from '../../../hardware/linux/index.js';
import { fakeOnoff, noI2c } from './linux-fakes.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/sysfs/${name}`, import.meta.url));

afterEach(() => vi.useRealTimers());

describe('gpiochip base detection from sysfs', () => {
  it.each([
    ['pi3-5.10', 'pinctrl-bcm2835', 0],
    ['pi4-6.6', 'pinctrl-bcm2711', 512],
    ['pi5-6.6', 'pinctrl-rp1', 571],
  ])('%s: header chip %s at base %i', async (tree, label, base) => {
    const chip = await detectHeaderChip(fixture(tree));
    expect(chip.label).toBe(label);
    expect(chip.base).toBe(base);
  });

  it('names the chips it saw when none is a Pi header', async () => {
    await expect(detectHeaderChip(fixture('no-header'))).rejects.toThrow(/gpio-mockup-A/);
  });

  it.each([
    ['pi4-6.6', 529],
    ['pi5-6.6', 588],
    ['pi3-5.10', 17],
  ])('%s: BCM 17 is sysfs %i', async (tree, sysfs) => {
    const onoff = fakeOnoff();
    const hw = await openHardware({ backend: 'linux', sysfsRoot: fixture(tree), modules: { onoff, i2cBus: noI2c } });
    hw.gpio.open(17, { direction: 'in' });
    expect([...onoff.lines.keys()]).toEqual([sysfs]);
  });
});

describe('linux GPIO through onoff', () => {
  const open = async (failWith?: string) => {
    const onoff = fakeOnoff(failWith);
    const hw = await openHardware({ backend: 'auto', sysfsRoot: fixture('pi4-6.6'), modules: { onoff, i2cBus: noI2c } });
    return { hw, onoff };
  };

  it('auto picks linux where /sys/class/gpio exists, sim elsewhere', async () => {
    expect((await open()).hw.backend).toBe('linux');
    expect((await openHardware({ backend: 'auto', sysfsRoot: fixture('does-not-exist') })).backend).toBe('sim');
  });

  it('opens an active-low output with direction "high" and never reconfigures an existing one', async () => {
    const { hw, onoff } = await open();
    hw.gpio.open(27, { direction: 'out', activeLow: true });
    hw.gpio.open(22, { direction: 'out' });
    hw.gpio.open(23, { direction: 'out', activeLow: true, initial: 1 });
    expect(onoff.lines.get(539)).toMatchObject({ direction: 'high', edge: 'none', options: { activeLow: true, reconfigureDirection: false } });
    expect(onoff.lines.get(534)?.direction).toBe('low');
    expect(onoff.lines.get(535)?.direction).toBe('low'); // on = physical low, from the first instant
  });

  it('EINVAL on export names the detected chip and its base', async () => {
    const { hw } = await open('EINVAL');
    let caught: unknown;
    try {
      hw.gpio.open(17, { direction: 'in' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(HardwareError);
    expect((caught as HardwareError).code).toBe('invalid');
    expect((caught as HardwareError).message).toMatch(/gpiochip512 "pinctrl-bcm2711" with base 512/);
  });
});

describe('linux I2C through i2c-bus', () => {
  function fakeBus(script: { fail?: string[] } = {}) {
    const log: string[] = [];
    let active = 0;
    let maxActive = 0;
    const step = async <T>(what: string, value: T): Promise<T> => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setImmediate(r));
      active--;
      const fail = script.fail?.shift();
      if (fail) throw Object.assign(new Error(fail), { code: fail });
      log.push(what);
      return value;
    };
    const raw: RawI2cBus = {
      readByte: (a, r) => step(`rb ${a} ${r}`, 0x60),
      writeByte: (a, r, v) => step(`wb ${a} ${r} ${v}`, undefined),
      readI2cBlock: (a, r, n, b) => step(`rB ${a} ${r} ${n}`, { bytesRead: n, buffer: b.fill(7) }),
      writeI2cBlock: (a, r, n, b) => step(`wB ${a} ${r} ${n}`, { bytesWritten: n, buffer: b }),
      i2cRead: (a, n, b) => step(`r ${a} ${n}`, { bytesRead: n, buffer: b }),
      i2cWrite: (a, n, b) => step(`w ${a} ${n}`, { bytesWritten: n, buffer: b }),
      scan: (s, e) => step(`scan ${s}-${e}`, [0x23, 0x76]),
      close: () => step('close', undefined),
    };
    return { raw, log, maxActive: () => maxActive };
  }

  const hwWith = async (module: I2cBusModule) =>
    openHardware({ backend: 'linux', sysfsRoot: fixture('pi4-6.6'), modules: { onoff: fakeOnoff(), i2cBus: module } });

  it('opens /dev/i2c-N once and never runs two transfers at once', async () => {
    const bus = fakeBus();
    const opened: number[] = [];
    const hw = await hwWith({ openPromisified: async (n) => (opened.push(n), bus.raw) });
    const i2c = hw.i2c(1);
    expect(hw.i2c(1)).toBe(i2c);
    await Promise.all([i2c.readByte(0x76, 0xd0), i2c.writeByte(0x76, 0xf4, 1), i2c.readBlock(0x76, 0xf7, 8), i2c.scan()]);
    expect(opened).toEqual([1]);
    expect(bus.maxActive()).toBe(1);
    expect(bus.log).toEqual(['rb 118 208', 'wb 118 244 1', 'rB 118 247 8', 'scan 3-119']);
    await hw.close();
    expect(bus.log.at(-1)).toBe('close');
  });

  it('retries EIO / EREMOTEIO a bounded number of times, then names the failure', async () => {
    const hw = await hwWith({ openPromisified: async () => fakeBus({ fail: ['EREMOTEIO', 'EIO'] }).raw });
    expect(await hw.i2c(1).readByte(0x76, 0xd0)).toBe(0x60);
    const hw2 = await hwWith({ openPromisified: async () => fakeBus({ fail: ['EIO', 'EIO', 'EIO'] }).raw });
    await expect(hw2.i2c(1).readByte(0x76, 0xd0)).rejects.toThrow(/i2cdetect -y 1/);
  });

  it('EACCES on open tells the user to join group i2c', async () => {
    const hw = await hwWith({ openPromisified: async () => { throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); } });
    await expect(hw.i2c(1).readByte(0x76, 0xd0)).rejects.toThrow(/group i2c/);
  });
});

describe('linux 1-Wire from sysfs', () => {
  it('lists DS18B20s and reads w1_slave, falling back to temperature', async () => {
    const hw = await openHardware({ backend: 'linux', sysfsRoot: fixture('pi4-6.6'), modules: { onoff: fakeOnoff(), i2cBus: noI2c } });
    expect(await hw.oneWire.list()).toEqual(['28-000000000bad', '28-00000a1b2c3d', '28-0316a2794aff']);
    expect(await readDs18b20(hw.oneWire, '28-0316a2794aff')).toBe(23.125);
    expect(await readDs18b20(hw.oneWire, '28-00000a1b2c3d')).toBe(19.5);
    await expect(readDs18b20(hw.oneWire, '28-000000000bad')).rejects.toThrow(/not converted/);
    await expect(hw.oneWire.readFile('../../etc/passwd')).rejects.toThrow(/not a 1-Wire device id/);
  });

  it('a Pi without the w1 overlay has no devices rather than an error', async () => {
    const hw = await openHardware({ backend: 'linux', sysfsRoot: fixture('pi5-6.6'), modules: { onoff: fakeOnoff(), i2cBus: noI2c } });
    expect(await hw.oneWire.list()).toEqual([]);
  });
});

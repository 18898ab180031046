/**
 * The gpiod backend end to end on the kernel's gpio-sim module: the real binding
 * (node-libgpiod) requesting lines of a simulated chip labelled like a Pi 4's header.
 * Not part of the default suite (its name is not *.test.ts): `npm run test:gpio-sim`
 * runs it where the module and the binding exist (docs/hardware.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HardwareError, type Hardware, type Level } from '../../hardware/index.js';
import { openHardware } from '../../hardware/hub.js';
import { noI2c } from '../unit/hardware/linux-fakes.js';

const GPIO_SIM = '/sys/kernel/config/gpio-sim';
const device = join(GPIO_SIM, `hearth-${process.pid}`);
const bank = join(device, 'bank0');
const HOGGED = 20;

let hw: Hardware;
let simLine: (offset: number) => string;
/** A sysfs tree listing only the simulated chip, so a real header chip on a Pi is never touched. */
let sysfsRoot: string;

const write = (path: string, value: string) => writeFileSync(path, value);
const read = (path: string) => readFileSync(path, 'utf8').trim();
const simValue = (offset: number): Level => (read(join(simLine(offset), 'value')) === '1' ? 1 : 0);
const pull = (offset: number, to: 'pull-up' | 'pull-down') => write(join(simLine(offset), 'pull'), to);

beforeAll(async () => {
  mkdirSync(device);
  mkdirSync(bank);
  write(join(bank, 'label'), 'pinctrl-bcm2711');
  write(join(bank, 'num_lines'), '28');
  // Another consumer holds this line, as an overlay or a second program would.
  mkdirSync(join(bank, `line${HOGGED}`));
  mkdirSync(join(bank, `line${HOGGED}`, 'hog'));
  write(join(bank, `line${HOGGED}`, 'hog', 'name'), 'other-program');
  write(join(bank, `line${HOGGED}`, 'hog', 'direction'), 'output-low');
  write(join(device, 'live'), '1');
  const chip = read(join(bank, 'chip_name'));
  const platformDevice = read(join(device, 'dev_name'));
  simLine = (offset) => `/sys/devices/platform/${platformDevice}/${chip}/sim_gpio${offset}`;
  sysfsRoot = mkdtempSync(join(tmpdir(), 'hearth-gpio-sim-'));
  mkdirSync(join(sysfsRoot, 'bus', 'gpio', 'devices', chip), { recursive: true });
  hw = await openHardware({ backend: 'gpiod', sysfsRoot, devRoot: '/dev', modules: { i2cBus: noI2c } });
});

afterAll(async () => {
  await hw?.close();
  write(join(device, 'live'), '0');
  rmdirSync(join(bank, `line${HOGGED}`, 'hog'));
  rmdirSync(join(bank, `line${HOGGED}`));
  rmdirSync(bank);
  rmdirSync(device);
  if (sysfsRoot) rmSync(sysfsRoot, { recursive: true });
});

describe('gpiod backend on gpio-sim', () => {
  it('finds the header chip by its label', () => {
    expect(hw.backend).toBe('gpiod');
  });

  // Not its level after close: gpio-sim returns a released line to its pull.
  it('requests an output at its initial level and drives it, active-low inverted by the kernel', async () => {
    const relay = hw.gpio.open(17, { direction: 'out', initial: 1 });
    expect(simValue(17)).toBe(1);
    await relay.write(0);
    expect(simValue(17)).toBe(0);
    const activeLow = hw.gpio.open(18, { direction: 'out', activeLow: true, initial: 1 });
    expect(simValue(18)).toBe(0);
    await activeLow.write(0);
    expect(simValue(18)).toBe(1);
    await Promise.all([relay.close(), activeLow.close()]);
  });

  it('sets the bias on input lines', async () => {
    const up = hw.gpio.open(4, { direction: 'in', bias: 'pull-up' });
    const down = hw.gpio.open(5, { direction: 'in', bias: 'pull-down' });
    expect([await up.read(), await down.read()]).toEqual([1, 0]);
    await Promise.all([up.close(), down.close()]);
  });

  it('reports edges with their level and a current time', async () => {
    const button = hw.gpio.open(6, { direction: 'in', bias: 'pull-down', edge: 'both' });
    const seen: Array<{ value: Level; atMs: number }> = [];
    const next = () => new Promise<void>((resolve) => { const stop = button.watch((value, atMs) => { seen.push({ value, atMs }); stop(); resolve(); }); });
    const before = Date.now();
    let edge = next();
    pull(6, 'pull-up');
    await edge;
    edge = next();
    pull(6, 'pull-down');
    await edge;
    expect(seen.map((e) => e.value)).toEqual([1, 0]);
    for (const { atMs } of seen) expect(atMs).toBeGreaterThanOrEqual(before - 5);
    expect(seen[1]!.atMs).toBeGreaterThanOrEqual(seen[0]!.atMs);
    await button.close();
  });

  it('a line another consumer holds is busy', () => {
    const err = (() => { try { hw.gpio.open(HOGGED, { direction: 'in' }); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(HardwareError);
    expect((err as HardwareError).code).toBe('busy');
  });
});

/**
 * One behavioural suite for both Linux GPIO adapters: sysfs (through a fake onoff) and
 * the character device (through a fake libgpiod binding). What a plugin can observe —
 * the level an output is born at, what close leaves behind, debounced edges, errors —
 * must not depend on which one the Pi runs.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { HardwareError, type Hardware, type Level } from '../../../hardware/index.js';
import { openHardware } from '../../../hardware/hub.js';
import { fakeOnoff, noI2c } from './linux-fakes.js';
import { fakeGpiod } from './gpiod-fake.js';

const fixture = (path: string): string => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

/** An adapter opened on a Pi 4 fixture, and a probe of its lines at the kernel's side. */
interface Rig {
  hw: Hardware;
  /** The physical level the line was first driven at, when it became an output. */
  bornAt(bcm: number): Level;
  /** The logical levels written, in order. */
  writes(bcm: number): Level[];
  released(bcm: number): boolean;
  /** A raw edge at a logical level. */
  fire(bcm: number, value: Level): void;
}

const adapters: [string, (failWith?: string) => Promise<Rig>][] = [
  [
    'sysfs',
    async (failWith) => {
      const onoff = fakeOnoff(failWith);
      const hw = await openHardware({ backend: 'linux', sysfsRoot: fixture('sysfs/pi4-6.6'), modules: { onoff, i2cBus: noI2c } });
      const line = (bcm: number) => onoff.lines.get(512 + bcm)!;
      return {
        hw,
        bornAt: (bcm) => (line(bcm).direction === 'high' ? 1 : 0),
        writes: (bcm) => line(bcm).writes,
        released: (bcm) => line(bcm).unexported,
        fire: (bcm, v) => line(bcm).fire(v),
      };
    },
  ],
  [
    'gpiod',
    async (failWith) => {
      const gpiod = fakeGpiod({ failWith });
      const root = fixture('chardev/pi4-6.6');
      const hw = await openHardware({ backend: 'gpiod', sysfsRoot: `${root}/sys`, devRoot: `${root}/dev`, modules: { gpiod, i2cBus: noI2c } });
      const line = (bcm: number) => gpiod.lines.get(bcm)!;
      return {
        hw,
        bornAt: (bcm) => ((line(bcm).settings.outputValue ?? 0) ^ (line(bcm).settings.activeLow ? 1 : 0)) as Level,
        writes: (bcm) => line(bcm).writes,
        released: (bcm) => line(bcm).released,
        fire: (bcm, v) => line(bcm).fire(v),
      };
    },
  ],
];

afterEach(() => vi.useRealTimers());

describe.each(adapters)('header GPIO through %s', (_name, open) => {
  it('an output is born at its initial level: an active-low relay starts physically high (off)', async () => {
    const rig = await open();
    rig.hw.gpio.open(27, { direction: 'out', activeLow: true });
    rig.hw.gpio.open(22, { direction: 'out' });
    rig.hw.gpio.open(23, { direction: 'out', activeLow: true, initial: 1 });
    expect([rig.bornAt(27), rig.bornAt(22), rig.bornAt(23)]).toEqual([1, 0, 0]);
  });

  it('close leaves every output at logical 0 and gives every line back', async () => {
    const rig = await open();
    const relay = rig.hw.gpio.open(27, { direction: 'out', activeLow: true });
    rig.hw.gpio.open(17, { direction: 'in' });
    await relay.write(1);
    await rig.hw.close();
    expect(rig.writes(27)).toEqual([1, 0]);
    expect(rig.released(27) && rig.released(17)).toBe(true);
    await expect(relay.write(1)).rejects.toThrow(/closed/);
  });

  it('reports debounced edges only, in the direction asked for', async () => {
    vi.useFakeTimers();
    const rig = await open();
    const pir = rig.hw.gpio.open(17, { direction: 'in', debounceMs: 30, edge: 'rising' });
    const seen: Level[] = [];
    pir.watch((v) => seen.push(v));
    rig.fire(17, 1);
    vi.advanceTimersByTime(5);
    rig.fire(17, 0);
    vi.advanceTimersByTime(40);
    rig.fire(17, 1);
    vi.advanceTimersByTime(30);
    rig.fire(17, 0);
    vi.advanceTimersByTime(30);
    expect(seen).toEqual([1]);
    expect(await pir.read()).toBe(0);
  });

  it.each([
    ['EACCES', 'permission', /group gpio/],
    ['EBUSY', 'busy', /overlay/],
  ])('%s becomes an actionable %s error', async (errno, code, hint) => {
    const rig = await open(errno);
    let caught: unknown;
    try {
      rig.hw.gpio.open(17, { direction: 'in' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(HardwareError);
    expect((caught as HardwareError).code).toBe(code);
    expect((caught as HardwareError).message).toMatch(hint);
  });

  it('refuses lines the header chip does not have, and double opens', async () => {
    const rig = await open();
    expect(() => rig.hw.gpio.open(58, { direction: 'in' })).toThrow(/does not exist/);
    rig.hw.gpio.open(4, { direction: 'in' });
    expect(() => rig.hw.gpio.open(4, { direction: 'in' })).toThrow(/already open/);
    await expect(rig.hw.gpio.open(5, { direction: 'in' }).write(1)).rejects.toThrow(/is an input/);
  });
});

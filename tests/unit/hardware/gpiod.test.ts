import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { HardwareError, type Level } from '../../../hardware/index.js';
import { openHardware } from '../../../hardware/hub.js';
import { findGpiodHeaderChip, GPIOD_PACKAGE } from '../../../hardware/linux/index.js';
import { loadGpiodBinding } from '../../../hardware/linux/gpiod-binding.js';
import { fakeGpiod } from './gpiod-fake.js';
import { fakeOnoff, noI2c } from './linux-fakes.js';

const tree = (name: string) => {
  const root = fileURLToPath(new URL(`../../fixtures/chardev/${name}`, import.meta.url));
  return { sysfsRoot: `${root}/sys`, devRoot: `${root}/dev` };
};

const openGpiod = async (name = 'pi5-6.6', options: Parameters<typeof fakeGpiod>[0] = {}) => {
  const gpiod = fakeGpiod(options);
  const hw = await openHardware({ backend: 'gpiod', ...tree(name), modules: { gpiod, i2cBus: noI2c } });
  return { hw, gpiod };
};

afterEach(() => vi.useRealTimers());

describe('header chip discovery on the character device', () => {
  it.each([
    ['pi4-6.6', 'gpiochip0', 'pinctrl-bcm2711', 58],
    ['pi5-6.6', 'gpiochip4', 'pinctrl-rp1', 54],
  ])('%s: %s "%s" by its label', async (name, chip, label, lines) => {
    const found = await findGpiodHeaderChip(fakeGpiod(), tree(name));
    expect(found).toMatchObject({ name: chip, label, lines, path: `${tree(name).devRoot}/${chip}` });
  });

  it('BCM numbers are line offsets on the header chip, whatever its number', async () => {
    const { hw, gpiod } = await openGpiod('pi5-6.6');
    hw.gpio.open(17, { direction: 'in' });
    expect(gpiod.lines.get(17)?.path).toMatch(/dev\/gpiochip4$/);
  });

  it('names the chips it saw, and a device node the kernel lists but /dev lacks', async () => {
    await expect(findGpiodHeaderChip(fakeGpiod(), tree('pi5-no-node'))).rejects.toThrow(
      /seen: gpiochip0 "gpio-brcmstb@107d508500".*gpiochip4 but the device node is missing/,
    );
  });

  it('EACCES opening a chip names the gpio group and the udev rule', async () => {
    const binding = { ...fakeGpiod(), chipInfo: () => { throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); } };
    const err = await findGpiodHeaderChip(binding, tree('pi4-6.6')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HardwareError);
    expect((err as HardwareError).code).toBe('permission');
    expect((err as Error).message).toMatch(/group gpio.*SUBSYSTEM=="gpio", KERNEL=="gpiochip\*", GROUP="gpio"/);
  });
});

describe('choosing the backend', () => {
  const auto = (name: string, wantsBias = false) =>
    openHardware({ backend: 'auto', ...tree(name), wantsBias, modules: { gpiod: fakeGpiod(), onoff: fakeOnoff(), i2cBus: noI2c } });

  it('auto: gpiod where the kernel has no sysfs GPIO, sysfs where it has, gpiod there too when an input asks for bias', async () => {
    expect((await auto('pi5-6.6')).backend).toBe('gpiod');
    expect((await auto('pi4-6.6')).backend).toBe('linux');
    expect((await auto('pi4-6.6', true)).backend).toBe('gpiod');
    expect((await auto('does-not-exist', true)).backend).toBe('sim');
  });

  it('logs, once at start, that edges are sampled when the binding cannot read kernel events', async () => {
    const open = async (kernelEvents: boolean) => {
      const notices: string[] = [];
      await openHardware({ backend: 'gpiod', ...tree('pi5-6.6'), onNotice: (m) => notices.push(m), modules: { gpiod: fakeGpiod({ kernelEvents }), i2cBus: noI2c } });
      return notices;
    };
    expect(await open(false)).toEqual([expect.stringMatching(/fake-libgpiod cannot read the kernel's edge events, so inputs on gpiochip4 are sampled every 5 ms/)]);
    expect(await open(true)).toEqual([]);
  });

  it('without the binding installed, says how to install it', async () => {
    const err = await loadGpiodBinding().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HardwareError);
    expect((err as HardwareError).code).toBe('unsupported');
    expect((err as Error).message).toContain(`sudo apt install libgpiod-dev build-essential, then npm install ${GPIOD_PACKAGE}`);
  });
});

describe('gpiod line requests', () => {
  it('inputs carry their bias and a consumer name gpioinfo shows; outputs their initial level', async () => {
    const { hw, gpiod } = await openGpiod();
    hw.gpio.open(17, { direction: 'in', bias: 'pull-up', activeLow: true, label: 'Front door contact' });
    hw.gpio.open(27, { direction: 'out', activeLow: true, initial: 1, bias: 'pull-down', label: 'A very long relay name for the garden pump' });
    expect(gpiod.lines.get(17)?.settings).toEqual({ consumer: 'hearth:Front door contact', direction: 'input', activeLow: true, bias: 'pull-up' });
    // bias is an input's; the consumer name is cut at the kernel's 31 bytes
    expect(gpiod.lines.get(27)?.settings).toEqual({ consumer: 'hearth:A very long relay name f', direction: 'output', activeLow: true, outputValue: 1 });
  });

  it('debounces in the kernel where the binding can, leaving the edge filter a pass-through', async () => {
    vi.useFakeTimers();
    const { hw, gpiod } = await openGpiod('pi5-6.6', { kernelDebounce: true });
    const button = hw.gpio.open(5, { direction: 'in', debounceMs: 30 });
    const seen: Level[] = [];
    button.watch((v) => seen.push(v));
    expect(gpiod.lines.get(5)?.settings.debounceUs).toBe(30_000);
    gpiod.lines.get(5)!.fire(1); // already debounced by the kernel: reported at once
    expect(seen).toEqual([1]);
  });

  it('reports an edge at its kernel timestamp, not when the event was read', async () => {
    const { hw, gpiod } = await openGpiod();
    const pir = hw.gpio.open(6, { direction: 'in' });
    const at: number[] = [];
    pir.watch((_v, atMs) => at.push(atMs));
    gpiod.lines.get(6)!.fire(1, process.hrtime.bigint() - 250_000_000n); // happened 250 ms ago
    expect(Date.now() - at[0]!).toBeGreaterThanOrEqual(249);
    expect(Date.now() - at[0]!).toBeLessThan(400);
  });
});

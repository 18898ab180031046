import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HardwareError, errnoOf } from '../errors.js';
import { pickHeaderChip } from './gpiochip.js';
import { gpiodError } from './errors.js';
import type { GpiodBinding, GpiodChipInfo } from './gpiod-binding.js';

/** A character-device chip: where to open it and what its info ioctl says. */
export interface GpiodChip extends GpiodChipInfo {
  path: string;
}

const CHIP_NAME = /^gpiochip\d+$/;

/** The gpiochip names the kernel registered, from `<sysfsRoot>/bus/gpio/devices` (independent of the sysfs GPIO interface). */
export async function gpioDeviceNames(sysfsRoot: string): Promise<string[]> {
  try {
    return (await readdir(join(sysfsRoot, 'bus', 'gpio', 'devices'))).filter((n) => CHIP_NAME.test(n)).sort((a, b) => chipNumber(a) - chipNumber(b));
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') return [];
    throw err;
  }
}

const chipNumber = (name: string): number => Number(name.slice('gpiochip'.length));

/**
 * The chip wired to the 40-pin header, found by its label, never by its number: a Pi 5
 * on kernel 6.6 has it at gpiochip4 behind four brcmstb chips, later kernels at gpiochip0.
 * BCM numbers are its line offsets on every model.
 */
export async function findGpiodHeaderChip(binding: GpiodBinding, roots: { sysfsRoot: string; devRoot: string }): Promise<GpiodChip> {
  const names = await gpioDeviceNames(roots.sysfsRoot);
  const chips: GpiodChip[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const path = join(roots.devRoot, name);
    try {
      chips.push({ ...binding.chipInfo(path), name, path });
    } catch (err) {
      if (errnoOf(err) !== 'ENOENT') throw gpiodError(err, name, path);
      missing.push(path);
    }
  }
  const chip = pickHeaderChip(chips);
  if (chip) return chip;
  const seen = chips.map((c) => `${c.name} "${c.label}"`).join(', ') || 'none';
  throw new HardwareError('not_found', `no Raspberry Pi header gpiochip found (seen: ${seen})`, {
    hint: missing.length
      ? `the kernel lists ${missing.join(', ')} but the device node is missing: is /dev mounted (a container needs --device)?`
      : 'off a Pi, use hardware.backend: sim',
  });
}

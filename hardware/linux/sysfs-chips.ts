import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HardwareError, errnoOf } from '../errors.js';
import { pickHeaderChip, type GpioChipInfo } from './gpiochip.js';

export async function readGpioChips(sysfsRoot: string): Promise<GpioChipInfo[]> {
  const dir = join(sysfsRoot, 'class', 'gpio');
  const names = (await readdir(dir)).filter((n) => /^gpiochip\d+$/.test(n)).sort();
  const read = async (name: string, file: string): Promise<string> => (await readFile(join(dir, name, file), 'utf8')).trim();
  return Promise.all(
    names.map(async (name) => ({
      name,
      label: await read(name, 'label'),
      base: Number(await read(name, 'base')),
      ngpio: Number(await read(name, 'ngpio')),
    })),
  );
}

export async function detectHeaderChip(sysfsRoot: string): Promise<GpioChipInfo> {
  let chips: GpioChipInfo[];
  try {
    chips = await readGpioChips(sysfsRoot);
  } catch (err) {
    throw new HardwareError('not_found', `cannot read ${join(sysfsRoot, 'class', 'gpio')}: ${errnoOf(err) ?? String(err)}`, {
      hint: 'the GPIO sysfs interface is missing; use backend: sim off a Pi',
      cause: err,
    });
  }
  const chip = pickHeaderChip(chips);
  if (!chip) {
    const seen = chips.map((c) => `${c.name} "${c.label}"`).join(', ') || 'none';
    throw new HardwareError('not_found', `no Raspberry Pi header gpiochip found (seen: ${seen})`);
  }
  return chip;
}

/**
 * Which gpiochip drives the 40-pin header, and where its lines start in the sysfs
 * numbering. Pure: the sysfs reading lives in sysfs-chips.ts.
 *
 * On kernels before 6.6 the SoC chip had base 0, so BCM 17 was gpio17. Since 6.6 the
 * kernel hands out bases from 512 upwards: 512 on a Pi 4 (pinctrl-bcm2711), 571 on a
 * Pi 5 (pinctrl-rp1, behind four brcmstb chips). Hard-coding either breaks the other.
 */
export interface GpioChipInfo {
  /** Directory name, e.g. `gpiochip512`. */
  name: string;
  label: string;
  base: number;
  ngpio: number;
}

export const HEADER_CHIP_LABELS = ['pinctrl-rp1', 'pinctrl-bcm2711', 'pinctrl-bcm2835'] as const;

/** The header chip among a board's chips, by label (sysfs or character-device listings alike). */
export function pickHeaderChip<C extends { label: string }>(chips: readonly C[]): C | undefined {
  for (const label of HEADER_CHIP_LABELS) {
    const chip = chips.find((c) => c.label === label);
    if (chip) return chip;
  }
  return undefined;
}

/** The sysfs number of a BCM line, or undefined when the chip has no such line. */
export function sysfsNumber(chip: GpioChipInfo, bcmLine: number): number | undefined {
  if (!Number.isInteger(bcmLine) || bcmLine < 0 || bcmLine >= chip.ngpio) return undefined;
  return chip.base + bcmLine;
}

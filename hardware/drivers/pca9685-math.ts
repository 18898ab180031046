/** PCA9685 pure helpers (datasheet §7.3.5 and §7.3.3). */
export const PCA9685_OSC_HZ = 25_000_000;

/** prescale = round(osc / (4096 · f)) − 1, clamped to the chip's 3–255. */
export function pca9685Prescale(frequencyHz: number, oscHz = PCA9685_OSC_HZ): number {
  if (!(frequencyHz > 0)) throw new RangeError(`PWM frequency must be positive, got ${frequencyHz}`);
  return Math.min(255, Math.max(3, Math.round(oscHz / (4096 * frequencyHz)) - 1));
}

export function pca9685Frequency(prescale: number, oscHz = PCA9685_OSC_HZ): number {
  return oscHz / (4096 * (prescale + 1));
}

/** The four LEDn registers (ON_L, ON_H, OFF_L, OFF_H) for a duty of 0–1. */
export function pca9685DutyRegisters(duty: number): Buffer {
  const d = Math.min(1, Math.max(0, duty));
  if (d >= 1) return Buffer.from([0x00, 0x10, 0x00, 0x00]); // full-on bit: no glitch at 100 %
  const off = Math.round(d * 4096);
  if (off <= 0) return Buffer.from([0x00, 0x00, 0x00, 0x10]); // full-off bit
  return Buffer.from([0x00, 0x00, off & 0xff, (Math.min(off, 4095) >> 8) & 0x0f]);
}

/** Inverse of `pca9685DutyRegisters` (full-off wins over full-on, as in the chip). */
export function pca9685DutyFromRegisters(regs: Buffer): number {
  const on = ((regs[1]! & 0x0f) << 8) | regs[0]!;
  const off = ((regs[3]! & 0x0f) << 8) | regs[2]!;
  if (regs[3]! & 0x10) return 0;
  if (regs[1]! & 0x10) return 1;
  return (((off - on) % 4096 + 4096) % 4096) / 4096;
}

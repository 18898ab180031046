/** Pure dimming maths: perceptual brightness to PWM duty, and a fade's level at a given time. */

/** Brightness 0–100 as the eye sees it → duty 0–1; a linear duty would look bright at 20 %. */
export function dutyFor(brightness: number, gamma: number): number {
  if (brightness <= 0) return 0;
  return Math.min(1, (brightness / 100) ** gamma);
}

/** Linear in perceived brightness, so a fade looks even. */
export function fadeLevel(from: number, to: number, elapsedMs: number, durationMs: number): number {
  if (durationMs <= 0 || elapsedMs >= durationMs) return to;
  return from + ((to - from) * Math.max(0, elapsedMs)) / durationMs;
}

import type { Hardware } from './types.js';
import { describeLine, describePwm, type LineSpec, type PwmSpec } from './line-spec.js';

/**
 * An output a plugin's config declares, so it can be released without running the
 * plugin: by `hearth release-outputs`, after a `kill -9`, an OOM kill or a V8 fatal error.
 */
export type DeclaredOutput = { kind: 'line'; line: LineSpec; activeLow?: boolean } | { kind: 'pwm'; pwm: PwmSpec };

export interface ReleaseReport {
  released: string[];
  failed: { output: string; error: string }[];
}

/**
 * Drives every declared output to its safe level (lines to logical 0, PWM channels to
 * duty 0), each on its own so one unreachable chip does not keep the others energised,
 * then closes the hardware. Opening a line as an output at `initial: 0` and closing it
 * is exactly what the hub does when it lets go of one.
 */
export async function releaseDeclaredOutputs(hw: Hardware, outputs: readonly DeclaredOutput[]): Promise<ReleaseReport> {
  const report: ReleaseReport = { released: [], failed: [] };
  const seen = new Set<string>();
  for (const output of outputs) {
    const name = output.kind === 'line' ? describeLine(output.line) : describePwm(output.pwm);
    if (seen.has(name)) continue; // two entities on one line (a config the hub itself would refuse)
    seen.add(name);
    try {
      if (output.kind === 'line') {
        const line = hw.gpio.open(output.line, { direction: 'out', activeLow: output.activeLow ?? false, initial: 0 });
        await line.write(0); // reports an expander that does not answer; close() would not
        await line.close();
      } else {
        const channel = hw.pwm.open(output.pwm);
        await channel.set(0); // reports a chip that does not answer; close() would not
        await channel.close();
      }
      report.released.push(name);
    } catch (err) {
      report.failed.push({ output: name, error: err instanceof Error ? err.message : String(err) });
    }
  }
  await hw.close();
  return report;
}

import type { Bias, DeclaredInput } from '../hardware/index.js';

/** The firmware's names for a pull: `gpio=<n>=ip,pu` in config.txt, `pinctrl set <n> ip pu`. */
const FIRMWARE_PULL: Record<Bias, string> = { 'pull-up': 'pu', 'pull-down': 'pd', disabled: 'pn' };

/**
 * What `hearth check` says when the sysfs backend will run inputs that ask for a bias it
 * cannot set: exactly which config.txt lines (or pinctrl commands) set them instead.
 * Empty when no header input asks for one (expanders set their own pull-ups).
 */
export function sysfsBiasAdvice(inputs: readonly DeclaredInput[]): string[] {
  const biased = inputs.flatMap((input) => (typeof input.line === 'number' && input.bias ? [{ ...input, line: input.line, bias: input.bias }] : []));
  if (biased.length === 0) return [];
  return [
    "warning: the sysfs GPIO backend cannot set an input's bias; until it is set, these inputs keep the firmware's default pull (GPIO 0–8 up, 9–27 down) and may float:",
    ...biased.map((i) => `  GPIO ${i.line} (${i.name}): bias ${i.bias}`),
    'add to /boot/firmware/config.txt (/boot/config.txt before Bookworm), then reboot:',
    ...biased.map((i) => `  gpio=${i.line}=ip,${FIRMWARE_PULL[i.bias]}`),
    'or set them now, until the next boot:',
    ...biased.map((i) => `  pinctrl set ${i.line} ip ${FIRMWARE_PULL[i.bias]}`),
    'or use hardware.backend: gpiod, which sets them on the lines (docs/hardware.md)',
  ];
}

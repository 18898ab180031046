/**
 * Where an output or input lives, in the syntax every config uses (DESIGN §4, §5):
 *
 *   line: 17                                                     # BCM 17 on the header
 *   line: { expander: mcp23017, bus: 1, address: 0x20, pin: 3 }  # GPA3 of an MCP23017
 *
 * and where a PWM channel lives: `{ chip: pca9685, bus: 1, address: 0x40, channel: 0 }`
 * or `{ chip: sysfs, pwmchip: 0, channel: 0 }` (the Pi's own PWM).
 * Plugins put these schemas in their own config schemas; the HAL parses the same specs
 * when it opens them, so a line means the same thing in a config and in code.
 */
import { z } from 'zod';
import { HardwareError } from './errors.js';

export const headerLineSchema = z.number().int().min(0).max(63);

export const expanderLineSchema = z.strictObject({
  expander: z.literal('mcp23017'),
  bus: z.number().int().min(0).default(1),
  address: z.number().int().min(0x20).max(0x27).default(0x20),
  /** GPA0–7 = 0–7, GPB0–7 = 8–15. */
  pin: z.number().int().min(0).max(15),
});

export const lineSpecSchema = z.union([headerLineSchema, expanderLineSchema]);

/**
 * An input's internal resistor: what a contact to ground (`pull-up`) or to 3.3 V
 * (`pull-down`) needs so the line does not float while the contact is open. Absent:
 * left as the firmware set it. The gpiod backend sets it on the line; sysfs cannot,
 * and `hearth check` says which config.txt line does it instead.
 */
export const biasSchema = z.enum(['pull-up', 'pull-down', 'disabled']);
export type Bias = z.infer<typeof biasSchema>;

/** The fields of every input line in a config: spread into a plugin's entry schema. */
export const inputLineShape = { line: lineSpecSchema, bias: biasSchema.optional() };

/**
 * An input a plugin's config reads, declared from the config alone (like its outputs),
 * so the hub can pick a backend that sets its bias and `hearth check` can say how to
 * set it where the backend cannot.
 */
export interface DeclaredInput {
  line: LineSpec;
  bias?: Bias;
  /** What reads it (an entity id), for messages. */
  name: string;
}

/** A line as written (defaults may be left out). */
export type LineSpec = z.input<typeof lineSpecSchema>;
/** An expander line with its defaults filled in. */
export type ExpanderLine = z.output<typeof expanderLineSchema>;

/** A channel of a PCA9685 on I2C. */
export const pca9685SpecSchema = z.strictObject({
  chip: z.literal('pca9685'),
  bus: z.number().int().min(0).default(1),
  address: z.number().int().min(0x40).max(0x7f).default(0x40),
  channel: z.number().int().min(0).max(15),
  /** One frequency per chip: every channel opened on it must ask for the same one. */
  frequencyHz: z.number().min(24).max(1526).default(1000),
});

/**
 * A channel of the SoC's own PWM through `/sys/class/pwm/pwmchipN` (on a Pi,
 * `dtoverlay=pwm-2chan`: channel 0 on GPIO 18 or 12, channel 1 on GPIO 19 or 13).
 */
export const sysfsPwmSpecSchema = z.strictObject({
  chip: z.literal('sysfs'),
  pwmchip: z.number().int().min(0).default(0),
  channel: z.number().int().min(0).max(15),
  /** 25 kHz for a 4-wire PC fan, ~1 kHz for LED drivers; each channel has its own. */
  frequencyHz: z.number().min(1).max(1_000_000).default(1000),
  /** `inversed`: duty is the low part of the period (a driver stage that inverts). */
  polarity: z.enum(['normal', 'inversed']).default('normal'),
});

/** A PWM output, opened through the same `pwm.open` whichever chip drives it. */
export const pwmSpecSchema = z.discriminatedUnion('chip', [pca9685SpecSchema, sysfsPwmSpecSchema]);

export type PwmSpec = z.input<typeof pwmSpecSchema>;
export type PwmChannelSpec = z.output<typeof pwmSpecSchema>;
export type SysfsPwmChannelSpec = z.output<typeof sysfsPwmSpecSchema>;

const hex = (n: number): string => `0x${n.toString(16).padStart(2, '0')}`;

/** "GPIO 17", "MCP23017 1:0x20 pin 3": how errors and logs name a line. */
export function describeLine(spec: LineSpec): string {
  if (typeof spec === 'number') return `GPIO ${spec}`;
  return `MCP23017 ${spec.bus ?? 1}:${hex(spec.address ?? 0x20)} pin ${spec.pin}`;
}

export function describePwm(spec: PwmSpec): string {
  if (spec.chip === 'sysfs') return `PWM pwmchip${spec.pwmchip ?? 0} channel ${spec.channel}`;
  return `PCA9685 ${spec.bus ?? 1}:${hex(spec.address ?? 0x40)} channel ${spec.channel}`;
}

/** A line from code (a third-party plugin, an RPC), checked with the config's own schema. */
export function parseLineSpec(spec: unknown): number | ExpanderLine {
  return parseWith(lineSpecSchema, spec, 'line');
}

export function parsePwmSpec(spec: unknown): PwmChannelSpec {
  return parseWith(pwmSpecSchema, spec, 'PWM channel');
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const at = issue.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new HardwareError('invalid', `not a valid ${what}: ${JSON.stringify(value)}${at}: ${issue.message}`);
}

/**
 * Where an output or input lives, in the syntax every config uses (DESIGN §4, §5):
 *
 *   line: 17                                                     # BCM 17 on the header
 *   line: { expander: mcp23017, bus: 1, address: 0x20, pin: 3 }  # GPA3 of an MCP23017
 *
 * and where a PWM channel lives: `{ chip: pca9685, bus: 1, address: 0x40, channel: 0 }`.
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

/**
 * A PWM output. Only the PCA9685 for now; the Pi's own `/sys/class/pwm` will be another
 * member of this union (`{ chip: sysfs, pwmchip, channel }`), opened through the same `pwm.open`.
 */
export const pwmSpecSchema = z.strictObject({
  chip: z.literal('pca9685'),
  bus: z.number().int().min(0).default(1),
  address: z.number().int().min(0x40).max(0x7f).default(0x40),
  channel: z.number().int().min(0).max(15),
  /** One frequency per chip: every channel opened on it must ask for the same one. */
  frequencyHz: z.number().min(24).max(1526).default(1000),
});

export type PwmSpec = z.input<typeof pwmSpecSchema>;
export type PwmChannelSpec = z.output<typeof pwmSpecSchema>;

const hex = (n: number): string => `0x${n.toString(16).padStart(2, '0')}`;

/** "GPIO 17", "MCP23017 1:0x20 pin 3": how errors and logs name a line. */
export function describeLine(spec: LineSpec): string {
  if (typeof spec === 'number') return `GPIO ${spec}`;
  return `MCP23017 ${spec.bus ?? 1}:${hex(spec.address ?? 0x20)} pin ${spec.pin}`;
}

export function describePwm(spec: PwmSpec): string {
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

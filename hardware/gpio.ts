import type { Bias, LineSpec } from './line-spec.js';

/** A logical level: 1 = active. With `activeLow`, 1 is driven as a physical low. */
export type Level = 0 | 1;

export type Edge = 'rising' | 'falling' | 'both';

export interface GpioOpenOptions {
  direction: 'in' | 'out';
  /** Inputs: which edges wake `watch` callbacks (default `both`). */
  edge?: Edge;
  /** Invert the logical level: an active-low relay is "on" at physical 0. */
  activeLow?: boolean;
  /**
   * Inputs: the internal pull resistor. The gpiod backend sets it on the line, an MCP23017
   * has pull-ups only, the sim board idles an undriven input at it; sysfs cannot set it
   * (`hearth check` tells which config.txt line does). Absent: left as it is.
   */
  bias?: Bias;
  /** Inputs: a level must hold this long before it is reported. */
  debounceMs?: number;
  /** Outputs: logical level driven from the first instant the line is an output. */
  initial?: Level;
  /** What the line senses or drives ("Hall light"); the sim board's simulator panel shows it. */
  label?: string;
}

export type Unwatch = () => void;

export interface GpioLine {
  /** The BCM number, or the pin (0–15) of an expander line. */
  readonly line: number;
  readonly direction: 'in' | 'out';
  /** Logical level (after `activeLow`). */
  read(): Promise<Level>;
  /** Logical level (after `activeLow`). Throws on an input line. */
  write(value: Level): Promise<void>;
  /** Called with the new logical level on every debounced edge. */
  watch(cb: (value: Level, atMs: number) => void): Unwatch;
  close(): Promise<void>;
}

export interface Gpio {
  /**
   * A header line (BCM number) or an expander line (`{ expander: 'mcp23017', bus, address, pin }`).
   * The hub owns both: one driver per expander, shared by every plugin, and every output is
   * driven to its inactive level when the line closes or the hardware closes. An expander
   * line opens in the background (its chip is probed over I2C): an open error is reported
   * by the line's first operation, so `await line.read()` checks it at once.
   */
  open(line: LineSpec, options: GpioOpenOptions): GpioLine;
}

/** One backend's header lines (BCM numbers only); expanders are layered on top by the HAL. */
export interface HeaderGpio {
  open(line: number, options: GpioOpenOptions): GpioLine;
  /** Closes every open line; outputs end at logical 0 (relays released). */
  closeAll(): Promise<void>;
}

/** A logical level: 1 = active. With `activeLow`, 1 is driven as a physical low. */
export type Level = 0 | 1;

export type Edge = 'rising' | 'falling' | 'both';

export interface GpioOpenOptions {
  direction: 'in' | 'out';
  /** Inputs: which edges wake `watch` callbacks (default `both`). */
  edge?: Edge;
  /** Invert the logical level: an active-low relay is "on" at physical 0. */
  activeLow?: boolean;
  /** Inputs: a level must hold this long before it is reported. */
  debounceMs?: number;
  /** Outputs: logical level driven from the first instant the line is an output. */
  initial?: Level;
}

export type Unwatch = () => void;

export interface GpioLine {
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
  /** `line` is the BCM number on a Pi header (or an expander's line number). */
  open(line: number, options: GpioOpenOptions): GpioLine;
}

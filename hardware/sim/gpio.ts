import type { GpioLine, GpioOpenOptions, HeaderGpio, Level, Unwatch } from '../gpio.js';
import { HardwareError } from '../errors.js';
import { createEdgeFilter, type EdgeFilter } from '../common/edge-filter.js';

export interface SimLineInfo {
  line: number;
  direction: 'in' | 'out';
  value: Level;
  /** What is wired there ("Hall motion"), so the simulator panel can name it. */
  label?: string;
}

type LineListener = (line: number, value: Level, atMs: number) => void;

interface LineState {
  direction: 'in' | 'out';
  physical: Level;
  open?: { options: GpioOpenOptions; filter: EdgeFilter | undefined };
  label?: string;
  /** Something outside (a test, the simulator panel, a sensor model) set the level. */
  driven?: boolean;
}

/** The board's pins as a multimeter and a signal generator see them: physical levels. */
export interface SimPins {
  readonly gpio: Pick<HeaderGpio, 'open'>;
  lines(): SimLineInfo[];
  drive(line: number, value: Level): void;
  level(line: number): Level;
  label(line: number, text: string): void;
  /** `in` for lines never opened as outputs. */
  direction(line: number): 'in' | 'out';
  onLineChange(cb: LineListener): Unwatch;
  /** Closes every open line (outputs to their inactive level); later opens fail. */
  closeAll(): Promise<void>;
}

const invert = (v: Level): Level => (v ? 0 : 1);

export function createSimPins(options: { lineCount?: number; onWatchError?: (err: unknown) => void } = {}): SimPins {
  const lineCount = options.lineCount ?? 28;
  const states = new Map<number, LineState>();
  const listeners = new Set<LineListener>();
  let closed = false;

  const check = (line: number): void => {
    if (!Number.isInteger(line) || line < 0 || line >= lineCount) {
      throw new HardwareError('invalid', `GPIO ${line} does not exist on the simulated board (0–${lineCount - 1})`);
    }
  };
  const state = (line: number): LineState => {
    let s = states.get(line);
    if (!s) {
      s = { direction: 'in', physical: 0 };
      states.set(line, s);
    }
    return s;
  };
  const setPhysical = (line: number, s: LineState, value: Level): void => {
    if (s.physical === value) return;
    s.physical = value;
    const atMs = Date.now();
    for (const cb of [...listeners]) {
      try {
        cb(line, value, atMs);
      } catch (err) {
        options.onWatchError?.(err);
      }
    }
    const open = s.open;
    if (open?.filter) open.filter.sample(open.options.activeLow ? invert(value) : value);
  };

  const openLine = (line: number, opts: GpioOpenOptions): GpioLine => {
    if (closed) throw new HardwareError('closed', 'the simulated board is closed');
    check(line);
    const s = state(line);
    if (s.open) throw new HardwareError('busy', `GPIO ${line} is already open`);
    if (opts.label) s.label = opts.label;
    const activeLow = opts.activeLow ?? false;
    const toPhysical = (v: Level): Level => (activeLow ? invert(v) : v);
    const isOut = opts.direction === 'out';
    if (isOut) {
      // Mirrors the linux backend: a line that already is an output keeps its level
      // (reconfigureDirection: false); otherwise it becomes one at `initial` directly.
      const wasOut = s.direction === 'out';
      s.direction = 'out';
      if (!wasOut) setPhysical(line, s, toPhysical(opts.initial ?? 0));
    } else {
      s.direction = 'in';
      // An open contact leaves the line at its pull resistor's level, as on a Pi.
      if (!s.driven && (opts.bias === 'pull-up' || opts.bias === 'pull-down')) setPhysical(line, s, opts.bias === 'pull-up' ? 1 : 0);
    }
    const filter = isOut
      ? undefined
      : createEdgeFilter({ initial: toPhysical(s.physical), edge: opts.edge ?? 'both', debounceMs: opts.debounceMs ?? 0, onError: options.onWatchError });
    const entry = { options: opts, filter };
    s.open = entry;
    const guard = (): void => {
      if (s.open !== entry) throw new HardwareError('closed', `GPIO ${line} is closed`);
    };
    return {
      line,
      direction: opts.direction,
      async read() {
        guard();
        return toPhysical(s.physical);
      },
      async write(value) {
        guard();
        if (!isOut) throw new HardwareError('invalid', `GPIO ${line} is an input`);
        setPhysical(line, s, toPhysical(value));
      },
      watch(cb) {
        guard();
        if (!filter) throw new HardwareError('invalid', `GPIO ${line} is an output; only inputs can be watched`);
        return filter.watch(cb);
      },
      async close() {
        if (s.open !== entry) return;
        filter?.dispose();
        if (isOut) setPhysical(line, s, toPhysical(0));
        s.open = undefined;
      },
    };
  };

  return {
    gpio: { open: openLine },
    lines: () =>
      [...states.entries()]
        .sort(([a], [b]) => a - b)
        .map(([line, s]) => ({ line, direction: s.direction, value: s.physical, ...(s.label && { label: s.label }) })),
    label(line, text) {
      check(line);
      state(line).label = text;
    },
    drive(line, value) {
      check(line);
      const s = state(line);
      if (s.direction === 'out') throw new HardwareError('invalid', `GPIO ${line} is an output; it cannot be driven from outside`);
      s.driven = true;
      setPhysical(line, s, value);
    },
    level(line) {
      check(line);
      return states.get(line)?.physical ?? 0;
    },
    direction: (line) => states.get(line)?.direction ?? 'in',
    onLineChange(cb) {
      listeners.add(cb);
      return () => {
        listeners.delete(cb);
      };
    },
    async closeAll() {
      closed = true;
      for (const [line, s] of states) {
        const open = s.open;
        if (!open) continue;
        open.filter?.dispose();
        if (open.options.direction === 'out') setPhysical(line, s, open.options.activeLow ? 1 : 0);
        s.open = undefined;
      }
    },
  };
}

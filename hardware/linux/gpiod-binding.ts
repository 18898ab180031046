/**
 * The GPIO character device (`/dev/gpiochipN`) as the gpiod backend needs it, in the
 * shape of libgpiod v2's line requests. The backend talks only to this interface: tests
 * inject a fake, and `loadGpiodBinding` maps the npm binding onto it (docs/hardware.md
 * says which binding and why). The binding is not a dependency of Hearth: it is loaded
 * only when the gpiod backend is chosen, so a hub off a Pi never needs libgpiod.
 */
import type { Level } from '../gpio.js';
import type { Bias } from '../line-spec.js';
import { HardwareError } from '../errors.js';

/** What the chip-info ioctl tells about a chip. */
export interface GpiodChipInfo {
  /** `gpiochip0` */
  name: string;
  /** `pinctrl-bcm2711` */
  label: string;
  lines: number;
}

export interface GpiodLineSettings {
  /** Shown by `gpioinfo` as the line's consumer: which entity holds it. */
  consumer: string;
  direction: 'input' | 'output';
  activeLow: boolean;
  /** Left as the firmware set it when absent. */
  bias?: Bias;
  /**
   * Inputs: kernel debounce period, asked for only when the binding has `kernelDebounce`.
   * Inputs always get edge events on both edges; the edge filter picks what it reports.
   */
  debounceUs?: number;
  /** Outputs: the logical level the line is requested at, so it never passes through another one. */
  outputValue?: Level;
}

/** An edge seen by the kernel, timestamped on CLOCK_MONOTONIC when it happened. */
export interface GpiodEdgeEvent {
  /** The logical level after the edge. */
  value: Level;
  timestampNs: bigint;
}

/** One requested line. Levels are logical (the kernel applies `activeLow`). */
export interface GpiodLineRequest {
  getValue(): Level;
  setValue(value: Level): void;
  /** Inputs: edge events, in order. One listener per request. */
  onEdge(cb: (event: GpiodEdgeEvent) => void): void;
  /** Gives the line back to the kernel, which keeps an output at its last level. */
  release(): void;
}

export interface GpiodBinding {
  /** The npm package behind it, for logs and errors. */
  readonly name: string;
  /** Whether requests honour `debounceUs` (the v2 uAPI); else the hub's edge filter debounces. */
  readonly kernelDebounce: boolean;
  /** Whether `onEdge` reads the kernel's queued events and their timestamps; else it samples the line (logged at start). */
  readonly kernelEvents: boolean;
  chipInfo(devicePath: string): GpiodChipInfo;
  /** Throws an errno error (`EBUSY`, `EACCES` …) when the kernel refuses. */
  requestLine(devicePath: string, offset: number, settings: GpiodLineSettings): GpiodLineRequest;
}

export const GPIOD_PACKAGE = 'node-libgpiod';

/** The subset of node-libgpiod 0.5 (libgpiod 1.x) the mapping below uses. */
interface NodeLibgpiod {
  Chip: new (path: string) => { readonly name: string; readonly label: string; readonly numberOfLines: number };
  Line: {
    new (chip: object, offset: number): {
      getValue(): Level;
      setValue(value: Level): void;
      lineRequest(config: { consumer: string; requestType: number; flags: number }, defaultValue?: Level): void;
      release(): void;
    };
    RequestType: { Direction: { INPUT: number; OUTPUT: number } };
    RequestFlags: { ACTIVE_LOW: number; BIAS_DISABLE: number; BIAS_PULL_DOWN: number; BIAS_PULL_UP: number };
  };
}

/** node-libgpiod has no event read: inputs are sampled this often and edges timestamped when seen. */
export const GPIOD_POLL_MS = 5;

export async function loadGpiodBinding(): Promise<GpiodBinding> {
  let mod: NodeLibgpiod;
  try {
    // A variable, not a literal: the package is optional and absent from node_modules here.
    const name: string = GPIOD_PACKAGE;
    const imported = (await import(name)) as Partial<NodeLibgpiod> & { default?: NodeLibgpiod };
    mod = imported.default ?? (imported as NodeLibgpiod); // CommonJS: module.exports is the default export
  } catch (err) {
    throw new HardwareError('unsupported', `hardware.backend gpiod needs the ${GPIOD_PACKAGE} package, which could not be loaded`, {
      hint: `install it on the Pi: sudo apt install libgpiod-dev build-essential, then npm install ${GPIOD_PACKAGE} in Hearth's folder; or use hardware.backend: linux (sysfs)`,
      cause: err,
    });
  }
  return fromNodeLibgpiod(mod);
}

function fromNodeLibgpiod(mod: NodeLibgpiod): GpiodBinding {
  const chips = new Map<string, InstanceType<NodeLibgpiod['Chip']>>();
  const chip = (path: string) => {
    let c = chips.get(path);
    if (!c) chips.set(path, (c = new mod.Chip(path)));
    return c;
  };
  const { RequestFlags: F, RequestType } = mod.Line;
  const BIAS_FLAGS = { 'pull-up': F.BIAS_PULL_UP, 'pull-down': F.BIAS_PULL_DOWN, disabled: F.BIAS_DISABLE } as const;
  return {
    name: GPIOD_PACKAGE,
    kernelDebounce: false,
    kernelEvents: false,
    chipInfo(path) {
      const c = chip(path);
      return { name: c.name, label: c.label, lines: c.numberOfLines };
    },
    requestLine(path, offset, settings) {
      const line = new mod.Line(chip(path), offset);
      const flags = (settings.activeLow ? F.ACTIVE_LOW : 0) | (settings.bias ? BIAS_FLAGS[settings.bias] : 0);
      const isOut = settings.direction === 'output';
      line.lineRequest(
        { consumer: settings.consumer, requestType: isOut ? RequestType.Direction.OUTPUT : RequestType.Direction.INPUT, flags },
        settings.outputValue ?? 0,
      );
      let poll: ReturnType<typeof setInterval> | undefined;
      return {
        getValue: () => line.getValue(),
        setValue: (value) => line.setValue(value),
        onEdge(cb) {
          let last = line.getValue();
          poll = setInterval(() => {
            const value = line.getValue();
            if (value === last) return;
            last = value;
            cb({ value, timestampNs: process.hrtime.bigint() });
          }, GPIOD_POLL_MS);
          poll.unref();
        },
        release() {
          clearInterval(poll);
          line.release();
        },
      };
    },
  };
}

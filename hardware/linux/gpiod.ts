import type { GpioLine, GpioOpenOptions, HeaderGpio } from '../gpio.js';
import { HardwareError } from '../errors.js';
import { createEdgeFilter } from '../common/edge-filter.js';
import { gpiodError } from './errors.js';
import { closeLines } from './gpio.js';
import { headerLineHandle } from './line-handle.js';
import type { GpiodBinding, GpiodLineSettings } from './gpiod-binding.js';
import type { GpiodChip } from './gpiod-chips.js';

/** The kernel keeps consumer names to 31 bytes. */
const CONSUMER_MAX = 31;

/** `gpioinfo` shows who holds a line: `hearth:Hall light`. */
export function consumerName(label: string | undefined, line: number): string {
  return `hearth:${label ?? `GPIO ${line}`}`.slice(0, CONSUMER_MAX);
}

/** An event's CLOCK_MONOTONIC time as wall-clock ms (process.hrtime reads the same clock). */
function eventWallMs(timestampNs: bigint): number {
  return Date.now() - Number(process.hrtime.bigint() - timestampNs) / 1e6;
}

/**
 * Header lines through the GPIO character device: the same behaviour as the sysfs
 * backend (logical levels, outputs born at their initial level and left inactive on
 * close, the shared edge filter), plus what sysfs cannot do: bias, named consumers,
 * kernel event timestamps and, where the binding offers it, kernel debounce.
 */
export function createGpiodGpio(deps: { binding: GpiodBinding; chip: GpiodChip; onWatchError?: (err: unknown) => void }): HeaderGpio {
  const { binding, chip } = deps;
  const open = new Map<number, GpioLine>();

  return {
    open(line: number, options: GpioOpenOptions): GpioLine {
      if (!Number.isInteger(line) || line < 0 || line >= chip.lines) {
        throw new HardwareError('invalid', `GPIO ${line} does not exist on ${chip.label} (${chip.lines} lines)`);
      }
      if (open.has(line)) throw new HardwareError('busy', `GPIO ${line} is already open in this process`);
      const isOut = options.direction === 'out';
      const debounceMs = options.debounceMs ?? 0;
      const kernelDebounce = !isOut && binding.kernelDebounce && debounceMs > 0;
      const settings: GpiodLineSettings = {
        consumer: consumerName(options.label, line),
        direction: isOut ? 'output' : 'input',
        activeLow: options.activeLow ?? false,
        ...(!isOut && options.bias && { bias: options.bias }),
        ...(kernelDebounce && { debounceUs: Math.round(debounceMs * 1000) }),
        // Requested as an output at this level: the line never shows another one.
        ...(isOut && { outputValue: options.initial ?? 0 }),
      };
      let request;
      try {
        request = binding.requestLine(chip.path, line, settings);
      } catch (err) {
        throw gpiodError(err, `GPIO ${line}`, chip.path);
      }
      const io = request;
      const filter = isOut
        ? undefined
        : createEdgeFilter({ initial: io.getValue(), edge: options.edge ?? 'both', debounceMs: kernelDebounce ? 0 : debounceMs, onError: deps.onWatchError });
      if (filter) io.onEdge((event) => filter.sample(event.value, eventWallMs(event.timestampNs)));
      const handle = headerLineHandle(
        line,
        options.direction,
        filter,
        {
          read: async () => io.getValue(),
          write: async (value) => io.setValue(value),
          release() {
            try {
              if (isOut) io.setValue(0); // the kernel keeps a released output at its last level
            } finally {
              io.release();
            }
          },
        },
        () => open.delete(line),
      );
      open.set(line, handle);
      return handle;
    },
    closeAll: () => closeLines(open),
  };
}

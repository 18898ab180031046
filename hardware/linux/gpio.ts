import type { GpioLine, GpioOpenOptions, HeaderGpio, Level } from '../gpio.js';
import { HardwareError } from '../errors.js';
import { createEdgeFilter } from '../common/edge-filter.js';
import { sysfsNumber, type GpioChipInfo } from './gpiochip.js';
import type { OnoffModule } from './onoff-adapter.js';
import { gpioOpenError } from './errors.js';
import { headerLineHandle } from './line-handle.js';

export function createLinuxGpio(deps: { onoff: OnoffModule; chip: GpioChipInfo; onWatchError?: (err: unknown) => void }): HeaderGpio {
  const { onoff, chip } = deps;
  const open = new Map<number, GpioLine>();

  return {
    open(line: number, options: GpioOpenOptions): GpioLine {
      const number = sysfsNumber(chip, line);
      if (number === undefined) {
        throw new HardwareError('invalid', `GPIO ${line} does not exist on ${chip.label} (${chip.ngpio} lines)`);
      }
      if (open.has(line)) throw new HardwareError('busy', `GPIO ${line} is already open in this process`);
      const activeLow = options.activeLow ?? false;
      const isOut = options.direction === 'out';
      // sysfs "high"/"low" set the *physical* level together with the direction; plain
      // "out" would drive low for a moment and pull in an active-low relay. Not
      // reconfiguring an existing output keeps a relay as it was across a restart.
      const physicalInitial = (activeLow ? 1 - (options.initial ?? 0) : (options.initial ?? 0)) as Level;
      let gpio;
      try {
        gpio = onoff.open(number, isOut ? (physicalInitial ? 'high' : 'low') : 'in', isOut ? 'none' : 'both', {
          activeLow,
          reconfigureDirection: false,
        });
      } catch (err) {
        throw gpioOpenError(err, line, number, chip);
      }
      const io = gpio;
      // Debounce is ours, not onoff's, so the sim board and the Pi filter edges alike.
      const filter = isOut
        ? undefined
        : createEdgeFilter({ initial: io.readSync(), edge: options.edge ?? 'both', debounceMs: options.debounceMs ?? 0, onError: deps.onWatchError });
      if (filter) io.watch((err, value) => (err ? deps.onWatchError?.(err) : filter.sample(value)));
      const handle = headerLineHandle(
        line,
        options.direction,
        filter,
        {
          read: () => io.read(),
          write: (value) => io.write(value),
          release() {
            io.unwatchAll();
            try {
              if (isOut) io.writeSync(0);
            } finally {
              io.unexport();
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

/** Closes every line, each on its own: one that fails does not keep the others driven. */
export async function closeLines(open: ReadonlyMap<number, GpioLine>): Promise<void> {
  const errors: unknown[] = [];
  for (const handle of [...open.values()]) await handle.close().catch((err: unknown) => errors.push(err));
  if (errors.length > 0) throw new AggregateError(errors, 'some GPIO lines failed to close');
}

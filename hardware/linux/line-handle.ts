import type { GpioLine, Level } from '../gpio.js';
import type { EdgeFilter } from '../common/edge-filter.js';
import { HardwareError } from '../errors.js';

/** What a backend does to one requested header line; the handle adds the rules both Linux adapters share. */
export interface RawHeaderLine {
  read(): Promise<Level>;
  write(value: Level): Promise<void>;
  /** Outputs to logical 0 (inactive, whatever activeLow says), then the line given back to the kernel. */
  release(): void;
}

/** A header line as plugins see it: closed-guarded, inputs watched through their edge filter. */
export function headerLineHandle(line: number, direction: 'in' | 'out', filter: EdgeFilter | undefined, raw: RawHeaderLine, onClose: () => void): GpioLine {
  let closed = false;
  const guard = (): void => {
    if (closed) throw new HardwareError('closed', `GPIO ${line} is closed`);
  };
  return {
    line,
    direction,
    async read() {
      guard();
      return raw.read();
    },
    async write(value) {
      guard();
      if (direction !== 'out') throw new HardwareError('invalid', `GPIO ${line} is an input`);
      await raw.write(value);
    },
    watch(cb) {
      guard();
      if (!filter) throw new HardwareError('invalid', `GPIO ${line} is an output; only inputs can be watched`);
      return filter.watch(cb);
    },
    async close() {
      if (closed) return;
      closed = true;
      onClose();
      filter?.dispose();
      raw.release();
    },
  };
}

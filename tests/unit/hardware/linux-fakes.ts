import type { I2cBusModule, OnoffGpio, OnoffModule } from '../../../hardware/linux/index.js';

export interface FakeLine {
  number: number;
  direction: string;
  edge: string;
  options: { activeLow?: boolean; reconfigureDirection?: boolean };
  value: 0 | 1;
  writes: (0 | 1)[];
  unexported: boolean;
  fire(value: 0 | 1): void;
}

/** A fake of onoff: records how each line was exported, lets tests fire edges. */
export function fakeOnoff(failWith?: string): OnoffModule & { lines: Map<number, FakeLine> } {
  const lines = new Map<number, FakeLine>();
  return {
    lines,
    open(number, direction, edge, options) {
      if (failWith) throw Object.assign(new Error(`${failWith}: write /sys/class/gpio/export`), { code: failWith });
      let watcher: ((err: Error | null | undefined, value: 0 | 1) => void) | undefined;
      const line: FakeLine = {
        number, direction, edge, options, writes: [], unexported: false,
        value: direction === 'high' ? 1 : 0,
        fire(v) {
          line.value = v;
          watcher?.(null, v);
        },
      };
      lines.set(number, line);
      const gpio: OnoffGpio = {
        readSync: () => line.value,
        read: async () => line.value,
        write: async (v) => void line.writes.push((line.value = v)),
        writeSync: (v) => void line.writes.push((line.value = v)),
        watch: (cb) => void (watcher = cb),
        unwatchAll: () => void (watcher = undefined),
        unexport: () => void (line.unexported = true),
      };
      return gpio;
    },
  };
}

export const noI2c: I2cBusModule = { openPromisified: async () => { throw new Error('unused'); } };

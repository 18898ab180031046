import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Level } from '../../../hardware/index.js';
import type { GpiodBinding, GpiodEdgeEvent, GpiodLineSettings } from '../../../hardware/linux/index.js';

export interface FakeGpiodLine {
  path: string;
  offset: number;
  settings: GpiodLineSettings;
  /** Logical level, as the binding reports it. */
  value: Level;
  writes: Level[];
  released: boolean;
  /** An edge as the kernel reports it; `timestampNs` defaults to now. */
  fire(value: Level, timestampNs?: bigint): void;
}

/**
 * A libgpiod binding over a fixture tree: `chipInfo` reads the fixture's dev/gpiochipN
 * (JSON label and line count, the ioctl's answer); requests are recorded per offset.
 */
export function fakeGpiod(options: { failWith?: string; kernelDebounce?: boolean; kernelEvents?: boolean } = {}): GpiodBinding & { lines: Map<number, FakeGpiodLine> } {
  const lines = new Map<number, FakeGpiodLine>();
  return {
    lines,
    name: 'fake-libgpiod',
    kernelDebounce: options.kernelDebounce ?? false,
    kernelEvents: options.kernelEvents ?? true,
    chipInfo(path) {
      const info = JSON.parse(readFileSync(path, 'utf8')) as { label: string; lines: number };
      return { name: basename(path), ...info };
    },
    requestLine(path, offset, settings) {
      if (options.failWith) throw Object.assign(new Error(`${options.failWith}: request line ${offset}`), { code: options.failWith });
      let listener: ((event: GpiodEdgeEvent) => void) | undefined;
      const line: FakeGpiodLine = {
        path, offset, settings, writes: [], released: false,
        value: settings.outputValue ?? (settings.bias === 'pull-up' ? 1 : 0),
        fire(value, timestampNs = process.hrtime.bigint()) {
          line.value = value;
          listener?.({ value, timestampNs });
        },
      };
      lines.set(offset, line);
      return {
        getValue: () => line.value,
        setValue: (v) => void line.writes.push((line.value = v)),
        onEdge: (cb) => void (listener = cb),
        release: () => void (line.released = true),
      };
    },
  };
}

import type { Level, Unwatch } from '../../gpio.js';

export interface SimShutterOptions {
  upLine: number;
  downLine: number;
  travelUpS: number;
  travelDownS: number;
  /** Relays energised at physical 0 (most relay boards). Default true. */
  activeLow?: boolean;
  /** True position at start, 0 = closed, 100 = open. Default 0. */
  position?: number;
}

export type ShutterMotion = 'up' | 'down' | 'stopped';

export interface SimShutter {
  /** The true position, 0–100 (0 = closed), whatever the plugin believes. */
  position(): number;
  motion(): ShutterMotion;
  /** Move the curtain by hand (tests: a shutter that is not where the plugin thinks). */
  setPosition(position: number): void;
  /** Timer-time instants at which both relays were energised together (DESIGN §12: must stay empty). */
  faults(): readonly number[];
  dispose(): void;
}

export interface LineSource {
  level(line: number): Level;
  onLineChange(cb: (line: number, value: Level, atMs: number) => void): Unwatch;
}

/**
 * A tubular motor behind two relays. It runs while exactly one relay is energised, in
 * timer time (the same clock the plugin times its relays with), and its end switches
 * cut it at 0 and 100. Position is integrated lazily, so no timer runs while idle.
 */
export function createSimShutter(lines: LineSource, options: SimShutterOptions): SimShutter {
  const activeLow = options.activeLow ?? true;
  const upMs = options.travelUpS * 1000;
  const downMs = options.travelDownS * 1000;
  if (!(upMs > 0 && downMs > 0)) throw new RangeError('shutter travel times must be positive');
  let position = clamp(options.position ?? 0);
  let drive: ShutterMotion = 'stopped';
  let last = Date.now();
  const faults: number[] = [];

  const energised = (line: number): boolean => lines.level(line) === (activeLow ? 0 : 1);
  const integrate = (): void => {
    const now = Date.now();
    const dt = now - last;
    last = now;
    if (drive === 'up') position = clamp(position + (dt / upMs) * 100);
    else if (drive === 'down') position = clamp(position - (dt / downMs) * 100);
  };
  const rewire = (): void => {
    integrate();
    const up = energised(options.upLine);
    const down = energised(options.downLine);
    if (up && down) {
      // A real motor would hum against itself and burn its capacitor; record it.
      faults.push(Date.now());
      drive = 'stopped';
    } else drive = up ? 'up' : down ? 'down' : 'stopped';
  };
  rewire();
  const unwatch = lines.onLineChange((line) => {
    if (line === options.upLine || line === options.downLine) rewire();
  });

  return {
    position() {
      integrate();
      return position;
    },
    motion() {
      integrate();
      if (drive === 'up' && position >= 100) return 'stopped';
      if (drive === 'down' && position <= 0) return 'stopped';
      return drive;
    },
    setPosition(p) {
      integrate();
      position = clamp(p);
    },
    faults: () => faults,
    dispose: unwatch,
  };
}

function clamp(p: number): number {
  return Math.min(100, Math.max(0, p));
}

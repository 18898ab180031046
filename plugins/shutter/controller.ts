import type { EntityHandle, PluginStorage, PluginTimers, TimerHandle } from '../../core/plugin-api.js';
import { deadTimeLeftMs, directionFor, positionAt, runDurationMs, type Direction, type Run, type Travel } from './motion.js';
import type { MotorDrive } from './relays.js';

export interface ShutterController {
  moveTo(target: number): Promise<void>;
  stop(): Promise<void>;
  /** On plugin stop, just before the host releases the lines: remembers where the curtain is and when it stopped. */
  shutdown(): void;
}

interface Saved {
  position: number;
  lastStop?: { direction: Direction; at: number };
}

export interface ControllerDeps {
  entity: EntityHandle;
  drive: MotorDrive;
  timers: PluginTimers;
  storage: PluginStorage;
  travel: Travel;
  deadTimeMs: number;
}

const PROGRESS_MS = 1000;

/**
 * One shutter's relay sequencing. Every relay change runs through one queue, so two
 * commands never interleave their writes; a run's stop is scheduled before its relay is
 * energised and cancelled only after the relay is released, so a running motor always
 * has a stop pending. The last stop (direction and time) is persisted, so the reversal
 * dead time also holds across a restart.
 */
export function createShutterController({ entity, drive, timers, storage, travel, deadTimeMs }: ControllerDeps): ShutterController {
  const key = `shutter:${entity.id}`;
  const saved = storage.get<Saved>(key);
  let position = saved?.position ?? 0;
  // Only a run into an end stop makes the position known; until then it is an estimate.
  let estimated = true;
  let lastStop = saved?.lastStop;
  let run: Run | undefined;
  let stopTimer: TimerHandle | undefined;
  let progress: TimerHandle | undefined;
  let pending: { timer: TimerHandle; target: number } | undefined;
  let generation = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const result = queue.then(job);
    queue = result.catch(() => undefined);
    return result;
  };
  const now = (): number => Date.now();
  const current = (): number => (run ? positionAt(run, travel, now()) : position);
  const save = (): void => storage.set(key, { position, ...(lastStop && { lastStop }) } satisfies Saved);

  function report(): void {
    const p = current();
    const state = run ? (run.direction === 'up' ? 'opening' : 'closing') : p > 0 ? 'open' : 'closed';
    const target = run?.target ?? pending?.target;
    entity.setState(state, { position: Math.round(p), targetPosition: target, estimated });
  }

  async function halt(): Promise<void> {
    if (!run) return void (await drive.release());
    position = current();
    lastStop = { direction: run.direction, at: now() };
    run = undefined;
    await drive.release();
    stopTimer?.cancel();
    progress?.cancel();
    stopTimer = progress = undefined;
    save();
  }

  async function start(direction: Direction, target: number): Promise<void> {
    pending = undefined;
    const gen = ++generation;
    stopTimer = timers.setTimeout(() => serial(() => arrive(gen)).finally(report), runDurationMs(direction, position, target, travel));
    run = { direction, startedAt: now(), from: position, target };
    estimated = true;
    try {
      await drive.energise(direction);
    } catch (err) {
      await halt();
      throw err;
    }
    progress = timers.setInterval(report, PROGRESS_MS);
  }

  async function arrive(gen: number): Promise<void> {
    if (gen !== generation || !run) return;
    const target = run.target;
    await halt();
    position = target;
    if (target === 0 || target === 100) estimated = false;
    save();
  }

  /** Same direction: keep running with a new stop. Otherwise stop, then start after any dead time. */
  async function retarget(target: number): Promise<void> {
    if (run && target === run.target) return; // e.g. `open` again during the run-on: let it reach the end stop
    pending?.timer.cancel();
    pending = undefined;
    const from = current();
    const direction = directionFor(from, target, estimated && !run);
    if (run && direction === run.direction) {
      const gen = ++generation;
      const old = stopTimer;
      // Rebase the run at the current estimate, so the new stop time is computed from here.
      run = { direction, startedAt: now() - travel.startDelayMs, from, target };
      stopTimer = timers.setTimeout(() => serial(() => arrive(gen)).finally(report), runDurationMs(direction, from, target, { ...travel, startDelayMs: 0 }));
      old?.cancel();
      return;
    }
    await halt();
    if (!direction) return;
    const wait = deadTimeLeftMs(lastStop, direction, deadTimeMs, now());
    if (wait === 0) return start(direction, target);
    pending = { target, timer: timers.setTimeout(() => serial(() => start(direction, target)).finally(report), wait) };
  }

  report();
  return {
    moveTo: (target) => serial(() => retarget(target)).finally(report),
    stop: () =>
      serial(async () => {
        pending?.timer.cancel();
        pending = undefined;
        await halt();
      }).finally(report),
    shutdown() {
      if (!run) return;
      position = current();
      lastStop = { direction: run.direction, at: now() };
      run = undefined;
      save();
    },
  };
}

import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../core/log.js';
import { pollDevice, type PluginTimers } from '../../../core/plugin-api.js';
import { HardwareError } from '../../../hardware/index.js';

/** Timers a test fires by hand: `tick()` runs the interval once and waits for the read. */
function manualTimers() {
  const due: (() => void | Promise<void>)[] = [];
  const timers: PluginTimers = {
    setTimeout: (fn) => (due.push(fn), { cancel: () => {} }),
    setInterval: (fn) => (due.push(fn), { cancel: () => {} }),
    cron: () => ({ cancel: () => {} }),
  };
  return { timers, first: () => due[0]!(), tick: () => due[1]!() };
}

function device() {
  const availability: boolean[] = [];
  const readings: number[] = [];
  let next: () => Promise<number> = async () => 1;
  return {
    entity: { setAvailable: (a: boolean) => void availability.push(a) },
    availability,
    readings,
    answer: (fn: () => Promise<number>) => (next = fn),
    read: () => next(),
  };
}

describe('pollDevice', () => {
  it('reads at once, goes unavailable after N I/O errors in a row, and back on the next good reading', async () => {
    const { timers, first, tick } = manualTimers();
    const d = device();
    const errors: string[] = [];
    pollDevice({ timers, log: silentLogger() }, { entities: [d.entity], intervalMs: 1000, errorsBeforeUnavailable: 2, read: d.read, onReading: (v) => void d.readings.push(v), onError: (e) => void errors.push(e.code) });
    await first();
    expect(d.readings).toEqual([1]);
    d.answer(() => Promise.reject(new HardwareError('io', 'no ack')));
    await tick();
    expect(d.availability).toEqual([]);
    await tick();
    await tick();
    expect(d.availability).toEqual([false]);
    d.answer(async () => 2);
    await tick();
    await tick();
    expect(d.availability).toEqual([false, true]);
    expect(d.readings).toEqual([1, 2, 2]);
    expect(errors).toEqual(['io', 'io', 'io']);
  });

  it('lets any other error through, so the runtime fails the plugin: a bug is not a loose wire', async () => {
    const { timers, first } = manualTimers();
    const d = device();
    d.answer(() => Promise.reject(new TypeError("cannot read properties of undefined (reading 'x')")));
    pollDevice({ timers, log: silentLogger() }, { entities: [d.entity], intervalMs: 1000, read: d.read, onReading: () => {} });
    await expect(first()).rejects.toThrow(TypeError);
    expect(d.availability).toEqual([]);
  });

  it('skips a tick while the previous read is still on the bus', async () => {
    const { timers, first, tick } = manualTimers();
    const d = device();
    let reads = 0;
    let release = () => {};
    d.answer(() => (reads++, new Promise<number>((r) => (release = () => r(5)))));
    pollDevice({ timers, log: silentLogger() }, { entities: [d.entity], intervalMs: 1000, read: d.read, onReading: (v) => void d.readings.push(v) });
    const pending = first();
    await tick();
    expect(reads).toBe(1);
    release();
    await pending;
    expect(d.readings).toEqual([5]);
  });
});

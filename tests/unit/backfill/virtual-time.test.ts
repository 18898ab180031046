import { afterEach, describe, expect, it } from 'vitest';
import { installVirtualTime, type VirtualTime } from '../../../core/backfill/virtual-time.js';

const T0 = Date.UTC(2026, 0, 5, 12);
let time: VirtualTime | undefined;
const errors: unknown[] = [];

afterEach(() => {
  time?.uninstall();
  time = undefined;
  errors.length = 0;
});

const install = () => (time = installVirtualTime(T0, (err) => errors.push(err)));

describe('virtual time', () => {
  it('Date follows the virtual clock; timers run in time order, ties in the order they were set', async () => {
    const t = install();
    const realNow = performance.timeOrigin + performance.now();
    expect(Date.now()).toBe(T0);
    expect(new Date().getTime()).toBe(T0);
    expect(new Date(0).getTime()).toBe(0);
    const seen: string[] = [];
    setTimeout(() => seen.push(`b@${Date.now() - T0}`), 2000);
    setTimeout(() => seen.push(`a@${Date.now() - T0}`), 1000);
    setTimeout(() => seen.push(`c@${Date.now() - T0}`), 2000);
    const tick = setInterval(() => seen.push(`i@${Date.now() - T0}`), 1500);
    expect(await t.runUntil(T0 + 3500)).toBe(5);
    clearInterval(tick);
    await t.runUntil(T0 + 10_000);
    expect(seen).toEqual(['a@1000', 'i@1500', 'b@2000', 'c@2000', 'i@3000']);
    expect(Date.now()).toBe(T0 + 10_000);
    t.uninstall();
    time = undefined;
    expect(Date.now()).toBeGreaterThanOrEqual(Math.floor(realNow));
  });

  it('promise chains started by a timer (an emulated chip read) settle before the next timer runs', async () => {
    const t = install();
    const seen: string[] = [];
    const read = async (n: number): Promise<number> => (n === 0 ? 0 : 1 + (await read(n - 1)));
    setTimeout(async () => {
      seen.push(`first read ${await read(50)}`);
    }, 10);
    setTimeout(() => seen.push('second'), 11);
    await t.runUntil(T0 + 20);
    expect(seen).toEqual(['first read 50', 'second']);
  });

  it('clear, refresh, and a throwing callback reported, not fatal', async () => {
    const t = install();
    const seen: number[] = [];
    const cleared = setTimeout(() => seen.push(-1), 10);
    clearTimeout(cleared);
    const refreshed = setTimeout(() => seen.push(Date.now() - T0), 100);
    setTimeout(() => refreshed.refresh(), 50);
    setTimeout(() => {
      throw new Error('boom');
    }, 60);
    await t.runUntil(T0 + 1000);
    expect(seen).toEqual([150]);
    expect(errors).toEqual([new Error('boom')]);
  });

  it('drive lets time move while a start-up waits on a timer', async () => {
    const t = install();
    const started = t.drive(new Promise<number>((resolve) => setTimeout(() => resolve(Date.now() - T0), 10_000)));
    await expect(started).resolves.toBe(10_000);
  });

  it('drive holds the clock while a callback blocks the real loop: the ticks it queued run first (a first listen() on a busy machine)', async () => {
    const t = install();
    setTimeout(() => {}, 10_000);
    const block = (ms: number) => {
      for (const until = performance.now() + ms; performance.now() < until; );
    };
    const listening = new Promise<number>((resolve) =>
      queueMicrotask(() => {
        block(20);
        process.nextTick(() => resolve(Date.now() - T0));
      }),
    );
    await expect(t.drive(listening)).resolves.toBe(0);
  });
});

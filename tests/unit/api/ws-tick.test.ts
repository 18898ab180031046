import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_WINDOW_MS } from '../../../core/api/ws/protocol.js';
import { createBatchTick, type BatchTick } from '../../../core/api/ws/tick.js';

const W = BATCH_WINDOW_MS;
let tick: BatchTick;
let flushedAt: number[];
let start: number;
beforeEach(() => {
  vi.useFakeTimers();
  start = Date.now();
  flushedAt = [];
  tick = createBatchTick(W);
  tick.add(() => flushedAt.push(Date.now() - start));
});
afterEach(() => vi.useRealTimers());

describe('batch tick', () => {
  it('is the 25 ms window docs/api.md promises', () => {
    expect(BATCH_WINDOW_MS).toBe(25);
  });

  it('flushes at once for the first request after a quiet spell', () => {
    tick.request();
    vi.advanceTimersByTime(0);
    expect(flushedAt).toEqual([0]);
    vi.advanceTimersByTime(W + 40);
    tick.request();
    vi.advanceTimersByTime(0);
    expect(flushedAt).toEqual([0, W + 40]);
  });

  it('flushes at most once per window under a steady stream, with one timer however many requests', () => {
    for (let ms = 0; ms < 10 * W; ms++) {
      tick.request();
      tick.request();
      expect(vi.getTimerCount()).toBe(1);
      vi.advanceTimersByTime(1);
    }
    // The last request, made at 10W - 1, goes out when that window ends.
    expect(flushedAt).toEqual(Array.from({ length: 11 }, (_, i) => i * W));
  });

  it('holds a request made during the window until the window ends, then is idle', () => {
    tick.request();
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(W - 5);
    tick.request();
    vi.advanceTimersByTime(4);
    expect(flushedAt).toEqual([0]);
    vi.advanceTimersByTime(1);
    expect(flushedAt).toEqual([0, W]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

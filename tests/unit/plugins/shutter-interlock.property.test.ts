import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { createSimBoard, type Level } from '../../../hardware/index.js';

const UP = 5;
const DOWN = 6;
const DEAD_MS = 700;
const TRAVEL_UP_S = 12;
const TRAVEL_DOWN_S = 9;
const RUN_ON_S = 2;
/** The longest any relay may stay energised: a full travel plus the run-on. */
const MAX_RUN_MS = Math.max(TRAVEL_UP_S, TRAVEL_DOWN_S) * 1000 + RUN_ON_S * 1000;

const config = {
  plugins: [
    {
      use: 'shutter',
      entities: [{ id: 'cover.test', upLine: UP, downLine: DOWN, activeLow: true, travelUpS: TRAVEL_UP_S, travelDownS: TRAVEL_DOWN_S, runOnS: RUN_ON_S, deadTimeMs: DEAD_MS }],
    },
  ],
};

type Step =
  | { kind: 'command'; command: 'open' | 'close' | 'stop'; waitMs: number }
  | { kind: 'set_position'; position: number; waitMs: number }
  | { kind: 'restart'; waitMs: number };

const waitMs = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 25_000 }));
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('command' as const), command: fc.constantFrom('open' as const, 'close' as const, 'stop' as const), waitMs }),
  fc.record({ kind: fc.constant('set_position' as const), position: fc.integer({ min: 0, max: 100 }), waitMs }),
  fc.record({ kind: fc.constant('restart' as const), waitMs }),
);

/** Watches the physical relay lines like a logic analyser and records every violation of DESIGN §12. */
function watchRelays(level: (line: number) => Level, onLineChange: (cb: (line: number, value: Level) => void) => () => void) {
  const energised = (line: number) => level(line) === 0;
  const onSince = new Map<number, number>();
  const lastOff = new Map<number, number>();
  const violations: string[] = [];
  const off = onLineChange((line) => {
    if (line !== UP && line !== DOWN) return;
    const now = Date.now();
    const other = line === UP ? DOWN : UP;
    if (energised(UP) && energised(DOWN)) violations.push(`both relays energised at ${now}`);
    if (energised(line)) {
      onSince.set(line, now);
      const otherOff = lastOff.get(other);
      if (otherOff !== undefined && now - otherOff < DEAD_MS) violations.push(`reversed after ${now - otherOff} ms < dead time`);
    } else {
      const since = onSince.get(line);
      if (since === undefined) return; // an unconfigured line becoming an output, not a motor stopping
      if (now - since > MAX_RUN_MS) violations.push(`line ${line} ran ${now - since} ms`);
      onSince.delete(line);
      lastOff.set(line, now);
    }
  });
  return { violations, stillRunning: () => [...onSince.keys()], stop: off };
}

afterEach(() => void vi.useRealTimers());

describe('shutter interlock (property)', () => {
  it('never energises both relays, always stops by itself, and waits the dead time to reverse', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
        vi.useFakeTimers();
        const hardware = createSimBoard();
        const dataDir = mkdtempSync(join(tmpdir(), 'hearth-interlock-'));
        const relays = watchRelays(hardware.sim.level, hardware.sim.onLineChange);
        let hub: TestHub = await createTestHub({ hardware, dataDir, config });
        try {
          for (const s of steps) {
            if (s.kind === 'restart') {
              await hub.stop({ keepBoard: true });
              hub = await createTestHub({ hardware, dataDir, config });
            } else {
              const params = s.kind === 'set_position' ? { position: s.position } : {};
              const done = hub.command('cover.test', s.kind === 'set_position' ? 'set_position' : s.command, params);
              await vi.advanceTimersByTimeAsync(0);
              await done;
            }
            await vi.advanceTimersByTimeAsync(s.waitMs);
          }
          // Nobody touches it any more: whatever runs must stop on its own schedule.
          await vi.advanceTimersByTimeAsync(DEAD_MS + MAX_RUN_MS + 1);
          expect(relays.violations).toEqual([]);
          expect(relays.stillRunning()).toEqual([]);
          expect(hub.state('cover.test').state).toMatch(/^(open|closed)$/);
        } finally {
          relays.stop();
          await hub.stop();
          rmSync(dataDir, { recursive: true, force: true });
          vi.useRealTimers();
        }
      }),
      { numRuns: 150 },
    );
  });
});

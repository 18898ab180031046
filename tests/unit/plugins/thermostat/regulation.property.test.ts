import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestHub, type TestHub } from '../../../../core/testing/index.js';
import { createSimBoard } from '../../../../hardware/index.js';
import { roomPlugin, type RoomHandles } from './fixture.js';

const HEATER_LINE = 23;
const POLL_MS = 30_000;
const HOUR = 3_600_000;
/** The sim room's defaults (hardware/sim/environment.ts): settles at 0.7·18 + 0.3·outdoor, +8 °C while heated, τ = 3 h. */
const FREE_RUNNING_C = 18;
const HEATER_DELTA_C = 8;
const TAU_H = 3;

const scenario = fc.record({
  targetC: fc.double({ min: 17, max: 20, noNaN: true }),
  toleranceC: fc.double({ min: 0.1, max: 1, noNaN: true }),
  minCycleS: fc.integer({ min: 0, max: 900 }),
  outdoorC: fc.double({ min: 0, max: 12, noNaN: true }),
  /** Where the room starts, relative to the target. */
  startOffsetC: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
});

afterEach(() => void vi.useRealTimers());

/** The relay line, watched like a logic analyser: every switch with its time. */
function watchRelay(hub: TestHub): { switches: number[]; stop: () => void } {
  const switches: number[] = [];
  const stop = hub.sim.onLineChange((line) => void (line === HEATER_LINE && switches.push(Date.now())));
  return { switches, stop };
}

async function startHub(zone: Record<string, unknown>, room: { outdoorC: number; startC: number }, online: () => boolean): Promise<TestHub> {
  const hardware = createSimBoard();
  hardware.sim.environment.setOutdoor({ temperatureC: room.outdoorC });
  hardware.sim.environment.room('bedroom').set({ temperatureC: room.startC });
  hardware.sim.addHeater({ line: HEATER_LINE, room: 'bedroom' });
  const handles: RoomHandles = {};
  return createTestHub({
    hardware,
    plugins: { room: roomPlugin(handles, { room: 'bedroom', pollMs: POLL_MS, online }) },
    config: {
      plugins: [
        { use: 'room' },
        { use: 'thermostat', zones: [{ id: 'climate.bedroom', sensor: 'sensor.bedroom_temperature', heater: 'switch.bedroom_heater', ...zone }] },
        { use: 'gpio', entities: [{ id: 'switch.bedroom_heater', line: HEATER_LINE }] },
      ],
    },
  });
}

describe('thermostat regulation on the simulated room (property)', () => {
  it('keeps the room within tolerance plus an overshoot bound, and never cycles the relay faster than minCycleS', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ targetC, toleranceC, minCycleS, outdoorC, startOffsetC }) => {
        vi.useFakeTimers();
        const hub = await startHub({ target: targetC, tolerance: toleranceC, minCycleS }, { outdoorC, startC: targetC + startOffsetC }, () => true);
        const relay = watchRelay(hub);
        const temps: number[] = [];
        const offTemps = hub.kernel.bus.on('state_changed', ({ entityId, newState }) => {
          if (entityId === 'sensor.bedroom_temperature' && typeof newState?.state === 'number') temps.push(newState.state);
        });
        try {
          await vi.advanceTimersByTimeAsync(12 * HOUR);
          // The fastest the room can move: towards its heated or unheated settling point from the edge of the band.
          const settled = 0.7 * FREE_RUNNING_C + 0.3 * outdoorC;
          const fastestCPerMs = Math.max(settled + HEATER_DELTA_C - (targetC - toleranceC), targetC + toleranceC - settled) / (TAU_H * HOUR);
          // A switch can lag the band's edge by one minimum cycle plus one sensor period (and the ±0.005 of rounding).
          const overshootC = fastestCPerMs * (minCycleS * 1000 + POLL_MS) + 0.01;
          const low = Math.min(targetC + startOffsetC, targetC - toleranceC - overshootC);
          const high = Math.max(targetC + startOffsetC, targetC + toleranceC + overshootC);
          expect(temps.length).toBeGreaterThan(10);
          for (const t of temps) expect(t).toBeGreaterThanOrEqual(low);
          for (const t of temps) expect(t).toBeLessThanOrEqual(high);
          const gaps = relay.switches.slice(1).map((at, i) => at - relay.switches[i]!);
          for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(minCycleS * 1000);
          // A room that cannot stay warm unheated must have been heated.
          if (settled < targetC - toleranceC - 0.5) expect(relay.switches.length).toBeGreaterThan(0);
        } finally {
          offTemps();
          relay.stop();
          await hub.stop();
          vi.useRealTimers();
        }
      }),
      { numRuns: 12 },
    );
  }, 60_000);

  it('releases the heater within sensorTimeoutS of losing the sensor, and keeps it released while the sensor is gone', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          sensorTimeoutS: fc.integer({ min: 30, max: 1800 }),
          minCycleS: fc.integer({ min: 0, max: 900 }),
          lossAfterMs: fc.integer({ min: 0, max: 4 * HOUR }),
          outdoorC: fc.double({ min: 0, max: 12, noNaN: true }),
        }),
        async ({ sensorTimeoutS, minCycleS, lossAfterMs, outdoorC }) => {
          vi.useFakeTimers();
          let online = true;
          // Cold room, high target: the heater is on when the sensor goes.
          const hub = await startHub({ target: 22, minCycleS, sensorTimeoutS }, { outdoorC, startC: 16 }, () => online);
          const relay = watchRelay(hub);
          try {
            await vi.advanceTimersByTimeAsync(lossAfterMs);
            online = false;
            const lostAt = Date.now();
            // The sensor plugin notices at its next poll at the latest; the timeout counts from its report.
            await vi.advanceTimersByTimeAsync(POLL_MS + sensorTimeoutS * 1000);
            expect(hub.sim.level(HEATER_LINE)).toBe(0);
            const releasedAt = relay.switches.at(-1) ?? lostAt;
            expect(releasedAt - lostAt).toBeLessThanOrEqual(POLL_MS + sensorTimeoutS * 1000);
            expect(hub.state('climate.bedroom').attributes.cutoff).toBe('sensor');
            const switchesWhileLost = relay.switches.length;
            await vi.advanceTimersByTimeAsync(6 * HOUR);
            expect(relay.switches.length).toBe(switchesWhileLost);
            expect(hub.sim.level(HEATER_LINE)).toBe(0);
          } finally {
            relay.stop();
            await hub.stop();
            vi.useRealTimers();
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { countPulse, ratePerHour, totalOf, type PulseState } from '../../../plugins/pulse-meter/counting.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  vi.useRealTimers();
});

describe('pulse counting (pure)', () => {
  it('turns pulses into a total with the offset, free of float noise', () => {
    expect(totalOf(3, 1000, 0)).toBe(0.003);
    expect(totalOf(7, 100, 12.34)).toBe(12.41);
  });

  it('gives the rate from the last gap, bounded by one pulse over the time since, 0 when idle or unknown', () => {
    let s: PulseState = { pulses: 0 };
    expect(ratePerHour(s, 0, 1000, 600_000)).toBe(0);
    s = countPulse(s, 1000);
    expect(ratePerHour(s, 1000, 1000, 600_000)).toBe(0); // one pulse: no gap yet
    s = countPulse(s, 2000);
    expect(ratePerHour(s, 2000, 1000, 600_000)).toBe(3.6); // 1 Wh in 1 s: 3.6 kW
    expect(ratePerHour(s, 2500, 1000, 600_000)).toBe(3.6);
    expect(ratePerHour(s, 12_000, 1000, 600_000)).toBeCloseTo(0.36); // 10 s since: at most 1 Wh / 10 s
    expect(ratePerHour(s, 602_000, 1000, 600_000)).toBe(0);
  });

  it('never rises while no pulse comes', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 2, maxLength: 20 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 2 }), (gaps, waits) => {
      let s: PulseState = { pulses: 0 };
      let t = 0;
      for (const gap of gaps) s = countPulse(s, (t += gap));
      const times = [...waits].sort((a, b) => a - b).map((w) => t + w);
      const rates = times.map((at) => ratePerHour(s, at, 1000, 600_000));
      rates.slice(1).forEach((r, i) => expect(r).toBeLessThanOrEqual(rates[i]!));
    }));
  });
});

const config = (extra: Record<string, unknown> = {}) => ({
  plugins: [{
    use: 'pulse-meter',
    commitIntervalS: 10,
    rateIntervalS: 5,
    meters: [{ id: 'sensor.house_meter', name: 'House meter', kind: 'energy', line: 18, bias: 'pull-up', pulsesPerUnit: 1000, debounceMs: 10, offset: 100, ...extra }],
  }],
});

/** An S0 pulse on a contact to ground: closes (falling edge) with bounce, holds 50 ms, opens with bounce. */
async function bouncyPulse(h: TestHub, line: number): Promise<void> {
  for (const level of [0, 1, 0, 1, 0] as const) {
    h.sim.drive(line, level);
    await vi.advanceTimersByTimeAsync(2);
  }
  await vi.advanceTimersByTimeAsync(50);
  for (const level of [1, 0, 1] as const) {
    h.sim.drive(line, level);
    await vi.advanceTimersByTimeAsync(1);
  }
}

describe('pulse-meter plugin', () => {
  it('counts each bouncy pulse on the sim line once, shows the total once saved, and the power decaying to 0', async () => {
    vi.useFakeTimers();
    hub = await createTestHub({ config: config() });
    expect(hub.state('sensor.house_meter')).toMatchObject({ state: 100, attributes: { unit: 'kWh', deviceClass: 'energy', stateClass: 'total_increasing' } });
    expect(hub.state('sensor.house_meter_power')).toMatchObject({ state: 0, attributes: { unit: 'W', deviceClass: 'power', stateClass: 'measurement' } });
    expect(hub.sim.level(18)).toBe(1); // the pull-up holds the open contact high

    for (let i = 0; i < 8; i++) {
      await bouncyPulse(hub, 18);
      await vi.advanceTimersByTimeAsync(1000 - 63);
    }
    // one pulse a second at 1000 imp/kWh is 3.6 kW
    expect(hub.state('sensor.house_meter_power').state).toBeCloseTo(3600, 0);
    expect(hub.state('sensor.house_meter').state).toBe(100); // counted, not yet saved
    await vi.advanceTimersByTimeAsync(10_000 - 8000);
    expect(hub.state('sensor.house_meter').state).toBe(100.008);

    await vi.advanceTimersByTimeAsync(20_000);
    const decayed = hub.state('sensor.house_meter_power').state as number;
    expect(decayed).toBeGreaterThan(0);
    expect(decayed).toBeLessThanOrEqual(3600 / 20);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(hub.state('sensor.house_meter_power').state).toBe(0);
  });

  it('keeps the count across a restart, counting rising edges and litres of water when told', async () => {
    vi.useFakeTimers();
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-pulse-'));
    const water = config({ id: 'sensor.water', kind: 'water', pulsesPerUnit: 100, edge: 'rising', bias: 'pull-down', offset: 0, debounceMs: 0 });
    const first = await createTestHub({ config: water, dataDir });
    for (let i = 0; i < 3; i++) {
      first.sim.drive(18, 1);
      await vi.advanceTimersByTimeAsync(6000);
      first.sim.drive(18, 0);
      await vi.advanceTimersByTimeAsync(6000);
    }
    // 10 L every 12 s is 50 L/min
    expect(first.state('sensor.water_flow')).toMatchObject({ state: 50, attributes: { unit: 'L/min', deviceClass: 'volume_flow_rate' } });
    expect(first.state('sensor.water')).toMatchObject({ attributes: { unit: 'm³', deviceClass: 'water' } });
    first.sim.drive(18, 1);
    await vi.advanceTimersByTimeAsync(1);
    await first.stop(); // a graceful stop saves the pulse counted since the last commit
    hub = await createTestHub({ config: water, dataDir });
    expect(hub.state('sensor.water').state).toBe(0.04);
  });

  it('refuses a meter without pulsesPerUnit or with an unknown kind', async () => {
    await expect(createTestHub({ config: config({ pulsesPerUnit: undefined }) })).rejects.toThrow(/pulsesPerUnit/);
    await expect(createTestHub({ config: config({ kind: 'steam' }) })).rejects.toThrow(/kind/);
  });
});

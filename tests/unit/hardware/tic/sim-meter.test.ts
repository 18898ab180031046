import { describe, expect, it } from 'vitest';
import { createFrameReader, createSimTicMeter, ticReadings } from '../../../../hardware/index.js';

describe('sim TIC meter', () => {
  it('sends standard frames every group of which passes its checksum; the index follows the power over time', () => {
    let va = 1800;
    const meter = createSimTicMeter({ powerVA: () => va, startWh: 1_000_000, subscribedKVA: 6 });
    const reader = createFrameReader('standard');
    const read = (atMs: number) => {
      const [f] = reader.push(meter.frame(atMs));
      expect(f!.rejected).toBe(0);
      return ticReadings(f!.groups, 'standard');
    };
    expect(read(0)).toMatchObject({ importedKWh: 1000, apparentPowerVA: 1800, currentA: 8, voltageV: 230, subscribedKVA: 6, tariffPeriod: 'BASE', overSubscribed: false });
    va = 7200;
    // One hour at 7.2 kVA: +7.2 kWh, over a 6 kVA subscription.
    expect(read(3_600_000)).toMatchObject({ importedKWh: 1007.2, indexesKWh: { EASF01: 1007.2 }, apparentPowerVA: 7200, overSubscribed: true });
  });

  it('announces Tempo colours in STGE when on a Tempo contract, with over-subscription still flagged', () => {
    const meter = createSimTicMeter({ powerVA: () => 7000, subscribedKVA: 6, tempo: (atMs) => (atMs < 1000 ? { today: 'white' } : { today: 'red', tomorrow: 'blue' }) });
    const reader = createFrameReader('standard');
    const read = (atMs: number) => ticReadings(reader.push(meter.frame(atMs))[0]!.groups, 'standard');
    const first = read(0);
    expect(first).toMatchObject({ tempoToday: 'white', overSubscribed: true });
    expect(first.tempoTomorrow).toBeUndefined();
    expect(read(2000)).toMatchObject({ tempoToday: 'red', tempoTomorrow: 'blue', overSubscribed: true });
  });
});

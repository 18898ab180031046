import { ticChecksum } from '../../drivers/tic/protocol.js';
import type { TempoColour } from '../../drivers/tic/readings.js';

const TEMPO_BITS: Readonly<Record<TempoColour, number>> = { blue: 1, white: 2, red: 3 };

export interface SimTicMeterOptions {
  /** Apparent power drawn now, VA (the sum of the sim's loads). */
  readonly powerVA: () => number;
  /** Index at the start, Wh. */
  readonly startWh?: number;
  /** Subscribed power, kVA. */
  readonly subscribedKVA?: number;
  readonly voltageV?: number;
  /** Tempo colours to announce at an instant (STGE bits 24–27), for a meter on a Tempo contract. */
  readonly tempo?: (atMs: number) => { today: TempoColour; tomorrow?: TempoColour };
}

export interface SimTicMeter {
  /** The next standard-mode frame at `atMs`: the index advanced by the power since the previous frame. */
  frame(atMs: number): Uint8Array;
  /** The index, Wh. */
  indexWh(): number;
}

const group = (label: string, data: string): string => {
  const covered = `${label}\t${data}\t`;
  return `\n${covered}${String.fromCharCode(ticChecksum(Buffer.from(covered, 'latin1')))}\r`;
};

/** A Linky in standard mode on a base contract (one index), for the demo house and tests. */
export function createSimTicMeter(options: SimTicMeterOptions): SimTicMeter {
  let wh = options.startWh ?? 0;
  let lastMs: number | undefined;
  const kva = options.subscribedKVA ?? 9;
  const volts = options.voltageV ?? 230;
  return {
    indexWh: () => Math.floor(wh),
    frame(atMs) {
      const va = Math.max(0, Math.round(options.powerVA()));
      if (lastMs !== undefined && atMs > lastMs) wh += (va * (atMs - lastMs)) / 3_600_000;
      lastMs = atMs;
      const index = String(Math.floor(wh)).padStart(9, '0');
      // STGE bit 7: over the subscribed power.
      const colours = options.tempo?.(atMs);
      const tempoBits = colours ? (TEMPO_BITS[colours.today] << 24) | ((colours.tomorrow ? TEMPO_BITS[colours.tomorrow] : 0) << 26) : 0;
      const stge = ((va > kva * 1000 ? 0x80 : 0) | tempoBits >>> 0).toString(16).toUpperCase().padStart(8, '0');
      const groups = [
        group('ADSC', '041876097134'), group('NGTF', '      BASE      '), group('LTARF', '       BASE     '),
        group('EAST', index), group('EASF01', index), group('IRMS1', String(Math.round(va / volts)).padStart(3, '0')),
        group('URMS1', String(volts).padStart(3, '0')), group('PREF', String(kva).padStart(2, '0')),
        group('SINSTS', String(va).padStart(5, '0')), group('STGE', stge),
      ];
      return Buffer.from(`\x02${groups.join('')}\x03`, 'latin1');
    },
  };
}

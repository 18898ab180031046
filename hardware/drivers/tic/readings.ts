import type { TicGroup, TicMode } from './protocol.js';

export type TempoColour = 'blue' | 'white' | 'red';

/** What one frame says, in units: each field absent when the meter did not send it. */
export interface TicReadings {
  /** Energy index per tariff period, kWh, keyed by label (BASE, HCHC, BBRHPJB …, EASF01 …). */
  readonly indexesKWh: Readonly<Record<string, number>>;
  /** Total imported: EAST, or the sum of the historic indexes. */
  readonly importedKWh?: number;
  /** Total injected (EAIT), producers only. */
  readonly exportedKWh?: number;
  readonly apparentPowerVA?: number;
  readonly currentA?: number;
  readonly voltageV?: number;
  /** PREF in kVA (standard); historic ISOUSC is in A and lands in `subscribedA`. */
  readonly subscribedKVA?: number;
  readonly subscribedA?: number;
  /** LTARF (standard) or PTEC (historic), as the meter writes it. */
  readonly tariffPeriod?: string;
  readonly tempoToday?: TempoColour;
  readonly tempoTomorrow?: TempoColour;
  readonly overSubscribed?: boolean;
}

const HISTORIC_INDEX = /^(BASE|HCHC|HCHP|EJPHN|EJPHPM|BBRHC|BBRHP)(J[BWR])?$/;
const STANDARD_INDEX = /^EASF(0[1-9]|10)$/;
const TEMPO_BITS: readonly (TempoColour | undefined)[] = [undefined, 'blue', 'white', 'red'];
const HISTORIC_COLOUR: Readonly<Record<string, TempoColour>> = { BLEU: 'blue', BLAN: 'white', ROUG: 'red', JB: 'blue', JW: 'white', JR: 'red' };

const num = (text: string | undefined): number | undefined => (text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) : undefined);

/**
 * A frame's valid groups → readings. Indexes are sent in Wh in both modes. The standard
 * mode's STGE register carries the Tempo colours (bits 24–25 today, 26–27 tomorrow: 0 none,
 * 1 blue, 2 white, 3 red) and the over-subscription flag (bit 7).
 */
export function ticReadings(groups: readonly TicGroup[], mode: TicMode): TicReadings {
  const data = new Map(groups.map((g) => [g.label, g.data]));
  const indexesKWh: Record<string, number> = {};
  for (const [label, text] of data) {
    const wh = (mode === 'historic' ? HISTORIC_INDEX : STANDARD_INDEX).test(label) ? num(text) : undefined;
    if (wh !== undefined) indexesKWh[label] = wh / 1000;
  }
  const kwh = (label: string) => (num(data.get(label)) ?? NaN) / 1000;
  const present = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? undefined : value);
  const out: Record<string, unknown> = { indexesKWh };
  if (mode === 'standard') {
    out.importedKWh = present(kwh('EAST'));
    out.exportedKWh = present(kwh('EAIT'));
    out.apparentPowerVA = num(data.get('SINSTS'));
    out.currentA = num(data.get('IRMS1'));
    out.voltageV = num(data.get('URMS1'));
    out.subscribedKVA = num(data.get('PREF'));
    out.tariffPeriod = data.get('LTARF')?.trim();
    const stge = data.get('STGE');
    if (stge && /^[0-9A-Fa-f]{8}$/.test(stge)) {
      const bits = parseInt(stge, 16);
      out.tempoToday = TEMPO_BITS[(bits >>> 24) & 3];
      out.tempoTomorrow = TEMPO_BITS[(bits >>> 26) & 3];
      out.overSubscribed = ((bits >>> 7) & 1) === 1;
    }
  } else {
    const values = Object.values(indexesKWh);
    out.importedKWh = values.length ? values.reduce((a, b) => a + b, 0) : undefined;
    out.apparentPowerVA = num(data.get('PAPP'));
    out.currentA = num(data.get('IINST'));
    out.subscribedA = num(data.get('ISOUSC'));
    const ptec = data.get('PTEC');
    out.tariffPeriod = ptec?.replace(/\.+$/, '');
    // PTEC HCJB … HPJR names today's Tempo colour; DEMAIN is `----` until the colour is known.
    out.tempoToday = ptec ? HISTORIC_COLOUR[ptec.slice(2)] : undefined;
    out.tempoTomorrow = HISTORIC_COLOUR[data.get('DEMAIN') ?? ''];
    // ADPS is only sent while the current exceeds the subscription.
    out.overSubscribed = data.has('ADPS');
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as unknown as TicReadings;
}

import type { TicReadings } from '../../hardware/index.js';

/** One entity per reading the meter may send: which field, unit and classes. */
export interface TicSensorSpec {
  readonly key: string;
  readonly name: string;
  readonly value: (r: TicReadings) => number | string | undefined;
  /** A function when the unit depends on the mode (PREF kVA, ISOUSC A). */
  readonly unit?: string | ((r: TicReadings) => string);
  readonly deviceClass?: string;
  readonly stateClass?: 'measurement' | 'total_increasing';
  /** Text states are enum sensors: a fixed list, or `seen` — the values the meter has sent so far (LTARF is free text). */
  readonly options?: readonly string[] | 'seen';
}

const TEMPO = ['blue', 'white', 'red'] as const;

export const TIC_SENSORS: readonly TicSensorSpec[] = [
  { key: 'imported', name: 'Energy imported', value: (r) => r.importedKWh, unit: 'kWh', deviceClass: 'energy', stateClass: 'total_increasing' },
  { key: 'exported', name: 'Energy exported', value: (r) => r.exportedKWh, unit: 'kWh', deviceClass: 'energy', stateClass: 'total_increasing' },
  { key: 'power', name: 'Apparent power', value: (r) => r.apparentPowerVA, unit: 'VA', deviceClass: 'apparent_power', stateClass: 'measurement' },
  { key: 'current', name: 'Current', value: (r) => r.currentA, unit: 'A', deviceClass: 'current', stateClass: 'measurement' },
  { key: 'voltage', name: 'Voltage', value: (r) => r.voltageV, unit: 'V', deviceClass: 'voltage', stateClass: 'measurement' },
  { key: 'subscribed_power', name: 'Subscribed power', value: (r) => r.subscribedKVA ?? r.subscribedA, unit: (r) => (r.subscribedKVA !== undefined ? 'kVA' : 'A') },
  { key: 'tariff_period', name: 'Tariff period', value: (r) => r.tariffPeriod, options: 'seen' },
  { key: 'tempo_today', name: 'Tempo colour today', value: (r) => r.tempoToday, options: TEMPO },
  { key: 'tempo_tomorrow', name: 'Tempo colour tomorrow', value: (r) => r.tempoTomorrow, options: TEMPO },
];

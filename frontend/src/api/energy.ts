/** The energy API (docs/api.md#energy): its response types and calls, through the shell's HTTP client. */
export type EnergyPeriod = 'hour' | 'day' | 'week' | 'month' | 'year';
export type MeterKind = 'electricity' | 'water' | 'gas';
export type TariffName = 'base' | 'hchp' | 'tempo';
export type TempoColour = 'blue' | 'white' | 'red';

export interface EnergySummary {
  start: string;
  end: string;
  electricity: number;
  water: number;
  gas: number;
  cost: number;
}

export interface EnergyRow {
  start: string;
  end: string;
  partial?: true;
  meters: Record<string, { kind: MeterKind; change: number; byPeriod: Record<string, number> }>;
  cost: { total: number; subscription: number; electricity: number; water: number; gas: number; byPeriod: Record<string, number> };
  previous: EnergySummary;
  yearAgo: EnergySummary;
}

export interface EnergyReport {
  currency: string;
  tariff?: TariffName;
  period: EnergyPeriod;
  meters: Record<string, { kind: MeterKind; billed: boolean }>;
  power?: string;
  rows: EnergyRow[];
}

export interface TariffComparison {
  currency: string;
  start: string;
  end: string;
  current?: TariffName;
  options: { tariff: TariffName; energy: number; subscription: number; total: number; byPeriod: Record<string, { amount: number; cost: number }> }[];
}

export interface TempoCalendar {
  days: { date: string; colour: TempoColour | null }[];
  today: TempoColour | null;
  tomorrow: TempoColour | null;
}

interface Requester {
  request<T>(method: string, path: string): Promise<T>;
}

const range = (start: Date, end: Date) => `start=${encodeURIComponent(start.toISOString())}&end=${encodeURIComponent(end.toISOString())}`;

export function energyApi(api: Requester) {
  return {
    report: (period: EnergyPeriod, start: Date, end: Date) => api.request<EnergyReport>('GET', `/api/energy?period=${period}&${range(start, end)}`),
    compare: (start: Date, end: Date) => api.request<TariffComparison>('GET', `/api/energy/compare?${range(start, end)}`),
    tempo: (start: Date, end: Date) => api.request<TempoCalendar>('GET', `/api/energy/tempo?${range(start, end)}`),
  };
}
